using System.Globalization;
using System.Text;
using MapLang.Compiler.TypeSystem;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Emit;

/// <summary>C# names and literals for generated code.</summary>
public static class CSharpNames
{
    public const string Runtime = "global::MapLang.Runtime";
    public const string Mapping = "global::MapLang.Runtime.Mapping";
    public const string Json = "global::MapLang.Runtime.Json";
    public const string MappingException = "global::MapLang.Runtime.MappingException";

    public static string SourceClass(EntitySchema entity) => $"S_{entity.System}_{Identifier(entity.Name)}";

    public static string MapperClass(string mapName) => $"{Identifier(mapName)}Mapper";

    public static string Field(string name) => "@" + Identifier(name);

    /// <summary>Any name as a C# identifier: letters, digits and underscores kept, everything else an underscore.</summary>
    public static string Identifier(string name)
    {
        var sb = new StringBuilder(name.Length);
        foreach (var c in name) sb.Append(char.IsAsciiLetterOrDigit(c) || c == '_' ? c : '_');
        if (sb.Length == 0 || char.IsAsciiDigit(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }

    /// <summary>The C# type of a MapLang value.</summary>
    public static string Type(MapType type)
    {
        var core = type.Kind switch
        {
            TypeKind.String or TypeKind.Any => "string",
            TypeKind.Int => "long",
            TypeKind.Decimal => "decimal",
            TypeKind.Bool => "bool",
            TypeKind.Date => "global::System.DateOnly",
            TypeKind.DateTime => "global::System.DateTimeOffset",
            TypeKind.Enum => type.Enum!.IsNumeric ? "long" : "string",
            TypeKind.Record => SourceClass(type.Entity!),
            TypeKind.List => $"global::System.Collections.Generic.List<{Type(type.Element!)}>",
            TypeKind.Group => $"{Mapping}.Group<{Type(type.Key!)}, {Type(type.Element!)}>",
            _ => "object",
        };
        return type.IsNullable || type.Kind == TypeKind.Any ? core + "?" : core;
    }

    public static bool IsValueType(MapType type) =>
        type.Kind is TypeKind.Int or TypeKind.Decimal or TypeKind.Bool or TypeKind.Date or TypeKind.DateTime
        || type.Kind == TypeKind.Enum && type.Enum!.IsNumeric;

    public static string String(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                case '\0': sb.Append("\\0"); break;
                default:
                    if (char.IsControl(c) || char.IsSurrogate(c)) sb.Append("\\u").Append(((int)c).ToString("x4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A constant as a C# literal of the given type.</summary>
    public static string Literal(object? value, MapType type) => value switch
    {
        null => $"default({Type(type.AsNullable())})",
        string s => String(s),
        long l => l == long.MinValue ? "long.MinValue" : l.ToString(CultureInfo.InvariantCulture) + "L",
        decimal d => d.ToString(CultureInfo.InvariantCulture) + "m",
        bool b => b ? "true" : "false",
        DateOnly d => $"new global::System.DateOnly({d.Year}, {d.Month}, {d.Day})",
        DateTimeOffset dt => $"new global::System.DateTimeOffset({dt.UtcTicks}L, global::System.TimeSpan.Zero)",
        _ => throw new InvalidOperationException($"No C# literal for {value.GetType()}"),
    };
}
