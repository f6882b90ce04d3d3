using System.Collections.Concurrent;
using System.Reflection;
using MapLang.Compiler.TypeSystem;
using MapLang.Stdlib;

namespace MapLang.Compiler.Symbols;

/// <summary>
/// The functions .map files can call, discovered once per assembly from [MapFunctions] classes
/// (the stdlib's and schema authors' own), through the stdlib's FunctionCatalog. Methods whose types the language cannot express are skipped.
/// </summary>
public sealed class FunctionTable
{
    private static readonly ConcurrentDictionary<Assembly, IReadOnlyList<FunctionSymbol>> PerAssembly = new();
    private readonly Dictionary<string, List<FunctionSymbol>> _byName = new(StringComparer.Ordinal);

    public FunctionTable(IEnumerable<Assembly> assemblies)
    {
        foreach (var assembly in assemblies.Distinct())
            foreach (var function in PerAssembly.GetOrAdd(assembly, Discover))
            {
                if (!_byName.TryGetValue(function.Name, out var overloads)) _byName[function.Name] = overloads = [];
                overloads.Add(function);
            }
    }

    public static readonly FunctionTable Empty = new([]);

    public IReadOnlyList<FunctionSymbol> Lookup(string name) => _byName.TryGetValue(name, out var f) ? f : [];
    public IEnumerable<string> Names => _byName.Keys;
    public IEnumerable<FunctionSymbol> All => _byName.Values.SelectMany(f => f);
    public IEnumerable<Assembly> Assemblies => All.Select(f => f.Method!.DeclaringType!.Assembly).Distinct();

    private static IReadOnlyList<FunctionSymbol> Discover(Assembly assembly)
    {
        var result = new List<FunctionSymbol>();
        foreach (var function in FunctionCatalog.FromAssembly(assembly))
        {
            if (Convert(function.ReturnType, function.ReturnsNullable) is not { } returnType) continue;
            var parameters = new List<FunctionParameter>();
            foreach (var p in function.Parameters)
            {
                if (Convert(p.Type, p.IsNullable) is not { } type) { parameters = null; break; }
                parameters.Add(new FunctionParameter(p.Name, type, p.IsOptional));
            }
            if (parameters is not null)
                result.Add(new FunctionSymbol(function.Name, function.Category, function.Doc, parameters, returnType, function.Method));
        }
        return result;
    }

    /// <summary>The language type of a CLR type, or null when the language has none.</summary>
    public static MapType? Convert(Type type, bool nullable)
    {
        var underlying = Nullable.GetUnderlyingType(type);
        var core = underlying ?? type;
        MapType? result = core switch
        {
            _ when core == typeof(string) => MapType.String,
            _ when core == typeof(long) || core == typeof(int) => MapType.Int,
            _ when core == typeof(decimal) => MapType.Decimal,
            _ when core == typeof(bool) => MapType.Bool,
            _ when core == typeof(DateOnly) => MapType.Date,
            _ when core == typeof(DateTimeOffset) => MapType.DateTime,
            _ when core.IsGenericType && core.GetGenericTypeDefinition() == typeof(IReadOnlyList<>)
                => Convert(core.GetGenericArguments()[0], false) is { } element ? MapType.ListOf(element) : null,
            _ => null,
        };
        return result?.WithNullability(nullable || underlying is not null);
    }
}
