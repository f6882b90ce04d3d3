using MapLang.Schemas.Model;

namespace MapLang.Compiler.Services.Common;

/// <summary>How editors describe a schema field: "Customer number (A10, required)" and a markdown card.</summary>
public static class FieldText
{
    /// <summary>The type the way the system's own people write it: M3's A10 / N3 / N15,2, the schema's notation elsewhere.</summary>
    public static string ShortType(FieldSchema field, string system)
    {
        if (system != "M3") return field.Type.Display;
        return field.Type switch
        {
            StringType { MaxLength: { } n } => $"A{n}",
            IntType { Digits: { } n } => $"N{n}",
            DecimalType { Precision: { } p, Scale: { } s } => $"N{p},{s}",
            DecimalType { Precision: { } p } => $"N{p}",
            DateType => "date",
            DateTimeType => "datetime",
            _ => field.Type.Display,
        };
    }

    /// <summary>"Customer number (A10, required)"</summary>
    public static string Detail(FieldSchema field, string system, bool asTarget)
    {
        var facts = new List<string> { ShortType(field, system) };
        if (asTarget && field.Required) facts.Add("required");
        if (!asTarget && field.Nullable) facts.Add("may be null");
        var description = string.IsNullOrWhiteSpace(field.Description) ? "" : field.Description.Trim() + " ";
        return $"{description}({string.Join(", ", facts)})";
    }

    public static string Markdown(EntitySchema entity, FieldSchema field, bool asTarget)
    {
        var lines = new List<string>
        {
            $"**{field.Name}**" + (string.IsNullOrWhiteSpace(field.Description) ? "" : $" — {field.Description.Trim()}"),
            "",
            $"`{field.Type.Display}`" + (entity.System == "M3" ? $" ({ShortType(field, entity.System)})" : "")
                + (field.Required ? " · required" : " · optional") + (field.Nullable ? " · may be null" : ""),
            "",
            $"{(asTarget ? "Written to" : "Read from")} `{entity.QualifiedName}`" + (field.JsonName is { } wire ? $" (JSON `{wire}`)" : ""),
        };
        return string.Join('\n', lines);
    }
}
