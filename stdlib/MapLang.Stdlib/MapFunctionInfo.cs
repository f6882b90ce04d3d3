using System.Reflection;
using System.Text;

namespace MapLang.Stdlib;

/// <summary>One function callable from <c>.map</c> files: one overload of a name.</summary>
public sealed class MapFunctionInfo
{
    internal MapFunctionInfo(string name, string category, string doc, MethodInfo method, bool returnsNullable, IReadOnlyList<MapParameterInfo> parameters)
    {
        Name = name;
        Category = category;
        Doc = doc;
        Method = method;
        ReturnsNullable = returnsNullable;
        Parameters = parameters;
    }

    /// <summary>The name users write, e.g. <c>padLeft</c>.</summary>
    public string Name { get; }

    /// <summary>The category of the declaring class, e.g. <c>text</c>.</summary>
    public string Category { get; }

    public string Doc { get; }

    /// <summary>The public static method generated code calls.</summary>
    public MethodInfo Method { get; }

    /// <summary>The CLR return type (<c>Nullable&lt;T&gt;</c> for nullable value types).</summary>
    public Type ReturnType => Method.ReturnType;

    /// <summary>True when the result may be null (a nullable value type or an annotated <c>string?</c>).</summary>
    public bool ReturnsNullable { get; }

    public IReadOnlyList<MapParameterInfo> Parameters { get; }

    /// <summary>A readable signature, e.g. <c>padLeft(text: string?, width: long, pad: string = " "): string?</c>.</summary>
    public string Signature
    {
        get
        {
            var sb = new StringBuilder(Name).Append('(');
            for (var i = 0; i < Parameters.Count; i++)
            {
                if (i > 0)
                {
                    sb.Append(", ");
                }

                sb.Append(Parameters[i].ToString());
            }

            return sb.Append("): ").Append(FunctionCatalog.TypeName(ReturnType, ReturnsNullable)).ToString();
        }
    }

    public override string ToString() => Signature;
}
