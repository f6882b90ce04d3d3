using System.Text;
using MapLang.Schemas.Model;
using MapLang.Schemas.Parsing;

namespace MapLang.Schemas.Writing;

/// <summary>Writes schema model values as <c>.mlschema</c> text (what the importers and the stdlib generator produce). Deterministic: same input, same bytes.</summary>
public static class SchemaWriter
{
    /// <param name="headerComment">Lines written as <c>//</c> comments at the top (where the file came from).</param>
    public static string Write(
        IReadOnlyList<string> headerComment,
        string system,
        string? systemDescription,
        IEnumerable<EnumSchema> enums,
        IEnumerable<EntitySchema> entities,
        IEnumerable<Misnomer>? misnomers = null)
    {
        var sb = new StringBuilder();
        foreach (var line in headerComment) sb.Append("// ").Append(line).Append('\n');
        if (headerComment.Count > 0) sb.Append('\n');
        sb.Append("system ").Append(system);
        if (systemDescription is not null) sb.Append(' ').Append(Quote(systemDescription));
        sb.Append('\n');
        foreach (var e in enums) WriteEnum(sb, e);
        foreach (var e in entities) WriteEntity(sb, e);
        foreach (var m in misnomers ?? [])
        {
            sb.Append('\n').Append("misnomer ").Append(m.Name).Append(" -> ").Append(m.Instead).Append(' ').Append(Quote(m.Explanation)).Append('\n');
        }
        return sb.ToString();
    }

    public static void WriteEnum(StringBuilder sb, EnumSchema e)
    {
        sb.Append('\n').Append("enum ").Append(e.Name);
        if (e.Description is not null) sb.Append(' ').Append(Quote(e.Description));
        sb.Append(" {\n");
        foreach (var m in e.Members)
        {
            sb.Append("    ").Append(e.IsNumeric ? m.Value : Quote(m.Value));
            if (m.Label is not null) sb.Append(": ").Append(Quote(m.Label));
            sb.Append('\n');
        }
        sb.Append("}\n");
    }

    public static void WriteEntity(StringBuilder sb, EntitySchema e)
    {
        sb.Append('\n').Append("entity ").Append(e.Name);
        if (e.Description is not null) sb.Append(' ').Append(Quote(e.Description));
        if (e.WritesThrough.Count > 0) sb.Append(" writes ").AppendJoin(", ", e.WritesThrough);
        if (e.ReadsThrough.Count > 0) sb.Append(" reads ").AppendJoin(", ", e.ReadsThrough);
        sb.Append(" {\n");
        WriteFields(sb, e.Fields, "    ");
        if (e.Output is not null)
        {
            sb.Append("    output {\n");
            WriteFields(sb, e.Output, "        ");
            sb.Append("    }\n");
        }
        sb.Append("}\n");
    }

    private static void WriteFields(StringBuilder sb, IReadOnlyList<FieldSchema> fields, string indent)
    {
        var heads = fields.Select(Head).ToArray();
        var width = heads.Where(h => h.Length <= 48).Select(h => h.Length).DefaultIfEmpty(0).Max();
        for (var i = 0; i < fields.Count; i++)
        {
            sb.Append(indent).Append(heads[i]);
            if (fields[i].Description is { } d)
            {
                sb.Append(' ', Math.Max(1, width - heads[i].Length + 1)).Append(Quote(d));
            }
            sb.Append('\n');
        }
    }

    private static string Head(FieldSchema f)
    {
        var sb = new StringBuilder();
        if (f.JsonName is not null && f.JsonName != f.Name) sb.Append(Quote(f.JsonName)).Append(" as ");
        sb.Append(f.Name).Append(": ").Append(f.Type.Display);
        if (f.Nullable) sb.Append('?');
        if (f.Required) sb.Append(" required");
        return sb.ToString();
    }

    /// <summary>A schema string literal for <paramref name="s"/>.</summary>
    public static string Quote(string s)
    {
        var sb = new StringBuilder(s.Length + 2).Append('"');
        foreach (var c in s)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\t': sb.Append("\\t"); break;
                case < ' ': sb.Append("\\u").Append(((int)c).ToString("x4", System.Globalization.CultureInfo.InvariantCulture)); break;
                default: sb.Append(c); break;
            }
        }
        return sb.Append('"').ToString();
    }

    /// <summary>A valid field or entity identifier for <paramref name="name"/>: invalid characters become '_', a leading digit gets '_'.</summary>
    public static string ToIdentifier(string name)
    {
        if (Lexer.IsIdentifier(name)) return name;
        var sb = new StringBuilder();
        foreach (var c in name) sb.Append(Lexer.IsIdentPart(c) ? c : '_');
        if (sb.Length == 0 || !Lexer.IsIdentStart(sb[0])) sb.Insert(0, '_');
        return sb.ToString();
    }
}
