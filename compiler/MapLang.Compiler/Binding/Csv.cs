using System.Text;

namespace MapLang.Compiler.Binding;

/// <summary>A small RFC 4180 reader: commas, quoted fields with "" escapes and line breaks; each record keeps its line number.</summary>
public static class Csv
{
    public sealed record Record(int Line, string[] Fields);

    public static IReadOnlyList<Record> Parse(string text)
    {
        var records = new List<Record>();
        var fields = new List<string>();
        var field = new StringBuilder();
        var line = 1;
        var recordLine = 1;
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append(c); }
                continue;
            }
            switch (c)
            {
                case '"' when field.Length == 0: quoted = true; break;
                case ',': fields.Add(field.ToString()); field.Clear(); break;
                case '\r': break;
                case '\n':
                    fields.Add(field.ToString()); field.Clear();
                    records.Add(new Record(recordLine, fields.Select(f => f.Trim()).ToArray()));
                    fields.Clear();
                    line++;
                    recordLine = line;
                    break;
                default: field.Append(c); break;
            }
        }
        if (field.Length > 0 || fields.Count > 0)
        {
            fields.Add(field.ToString());
            records.Add(new Record(recordLine, fields.Select(f => f.Trim()).ToArray()));
        }
        return records;
    }
}
