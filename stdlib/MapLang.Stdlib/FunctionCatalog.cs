using System.Reflection;
using MapLang.Runtime.Functions;

namespace MapLang.Stdlib;

/// <summary>
/// Lists the functions callable from <c>.map</c> files. This is the only place that reflects over
/// <see cref="MapFunctionsAttribute"/> classes; generated code calls the methods directly.
/// </summary>
public static class FunctionCatalog
{
    private static readonly Lazy<IReadOnlyList<MapFunctionInfo>> StdlibFunctions =
        new(() => FromAssembly(typeof(FunctionCatalog).Assembly));

    private static readonly Lazy<IReadOnlyDictionary<string, IReadOnlyList<MapFunctionInfo>>> StdlibByName =
        new(() => GroupByName(StdlibFunctions.Value));

    /// <summary>Every stdlib function, ordered by category, name and parameter count.</summary>
    public static IReadOnlyList<MapFunctionInfo> Stdlib => StdlibFunctions.Value;

    /// <summary>The stdlib overloads of <paramref name="name"/> (case-sensitive), or an empty list.</summary>
    public static IReadOnlyList<MapFunctionInfo> Find(string name) =>
        StdlibByName.Value.TryGetValue(name, out var overloads) ? overloads : [];

    /// <summary>The stdlib function names, for completion.</summary>
    public static IEnumerable<string> Names => StdlibByName.Value.Keys;

    /// <summary>
    /// The functions of any assembly (schema authors' own function classes): public static methods marked
    /// <see cref="MapFunctionAttribute"/> in public static classes marked <see cref="MapFunctionsAttribute"/>.
    /// </summary>
    public static IReadOnlyList<MapFunctionInfo> FromAssembly(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var nullability = new NullabilityInfoContext();
        var result = new List<MapFunctionInfo>();
        foreach (var type in assembly.GetExportedTypes())
        {
            var category = type.GetCustomAttribute<MapFunctionsAttribute>();
            if (category is null || !(type.IsAbstract && type.IsSealed))
            {
                continue;
            }

            foreach (var method in type.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            {
                var function = method.GetCustomAttribute<MapFunctionAttribute>();
                if (function is null)
                {
                    continue;
                }

                var parameters = new List<MapParameterInfo>();
                foreach (var parameter in method.GetParameters())
                {
                    parameters.Add(new MapParameterInfo(parameter, IsNullable(nullability.Create(parameter).ReadState, parameter.ParameterType)));
                }

                var returnsNullable = IsNullable(nullability.Create(method.ReturnParameter).ReadState, method.ReturnType);
                result.Add(new MapFunctionInfo(function.Name, category.Category, function.Doc, method, returnsNullable, parameters));
            }
        }

        result.Sort(static (a, b) =>
        {
            var c = string.CompareOrdinal(a.Category, b.Category);
            if (c == 0) c = string.CompareOrdinal(a.Name, b.Name);
            if (c == 0) c = a.Parameters.Count.CompareTo(b.Parameters.Count);
            if (c == 0) c = string.CompareOrdinal(a.Signature, b.Signature);
            return c;
        });
        return result;
    }

    /// <summary>
    /// True for the types a function may take or return: <c>string</c>, <c>long</c>, <c>decimal</c>, <c>bool</c>,
    /// <c>DateOnly</c>, <c>DateTimeOffset</c>, each optionally nullable, or <c>IReadOnlyList&lt;T&gt;</c> of those.
    /// </summary>
    public static bool IsAllowedType(Type type)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            return IsAllowedScalar(type.GetGenericArguments()[0]);
        }

        return IsAllowedScalar(type);
    }

    private static bool IsAllowedScalar(Type type)
    {
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        return underlying == typeof(string) || underlying == typeof(long) || underlying == typeof(decimal)
            || underlying == typeof(bool) || underlying == typeof(DateOnly) || underlying == typeof(DateTimeOffset);
    }

    /// <summary>The language's name for a type: <c>string?</c>, <c>list&lt;decimal&gt;</c>…</summary>
    public static string TypeName(Type type, bool nullable)
    {
        ArgumentNullException.ThrowIfNull(type);
        if (type.IsGenericType && type.GetGenericTypeDefinition() == typeof(IReadOnlyList<>))
        {
            var element = type.GetGenericArguments()[0];
            return "list<" + TypeName(element, Nullable.GetUnderlyingType(element) is not null) + ">" + (nullable ? "?" : "");
        }

        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        var name = underlying == typeof(string) ? "string"
            : underlying == typeof(long) ? "long"
            : underlying == typeof(decimal) ? "decimal"
            : underlying == typeof(bool) ? "bool"
            : underlying == typeof(DateOnly) ? "date"
            : underlying == typeof(DateTimeOffset) ? "datetime"
            : underlying.Name;
        return nullable ? name + "?" : name;
    }

    private static bool IsNullable(NullabilityState state, Type type) =>
        Nullable.GetUnderlyingType(type) is not null || (!type.IsValueType && state != NullabilityState.NotNull);

    private static Dictionary<string, IReadOnlyList<MapFunctionInfo>> GroupByName(IReadOnlyList<MapFunctionInfo> functions)
    {
        var byName = new Dictionary<string, List<MapFunctionInfo>>(StringComparer.Ordinal);
        foreach (var f in functions)
        {
            if (!byName.TryGetValue(f.Name, out var list))
            {
                byName[f.Name] = list = [];
            }

            list.Add(f);
        }

        var result = new Dictionary<string, IReadOnlyList<MapFunctionInfo>>(StringComparer.Ordinal);
        foreach (var (name, list) in byName)
        {
            result[name] = list;
        }

        return result;
    }
}
