using System.Globalization;
using System.Reflection;

namespace MapLang.Stdlib;

/// <summary>A parameter of a <see cref="MapFunctionInfo"/>.</summary>
public sealed class MapParameterInfo
{
    internal MapParameterInfo(ParameterInfo parameter, bool isNullable)
    {
        Parameter = parameter;
        IsNullable = isNullable;
    }

    public ParameterInfo Parameter { get; }

    public string Name => Parameter.Name ?? "";

    /// <summary>The CLR type (<c>Nullable&lt;T&gt;</c> for nullable value types).</summary>
    public Type Type => Parameter.ParameterType;

    /// <summary>True when null may be passed (a nullable value type or an annotated <c>string?</c>).</summary>
    public bool IsNullable { get; }

    public bool IsOptional => Parameter.HasDefaultValue;

    /// <summary>The default value when <see cref="IsOptional"/>.</summary>
    public object? DefaultValue => Parameter.HasDefaultValue ? Parameter.DefaultValue : null;

    public override string ToString()
    {
        var text = Name + ": " + FunctionCatalog.TypeName(Type, IsNullable);
        if (!IsOptional)
        {
            return text;
        }

        var value = DefaultValue switch
        {
            null => "null",
            string s => "\"" + s + "\"",
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
            var o => o.ToString(),
        };
        return text + " = " + value;
    }
}
