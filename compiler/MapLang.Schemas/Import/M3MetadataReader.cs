using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using MapLang.Schemas.Diagnostics;
using MapLang.Schemas.Model;

namespace MapLang.Schemas.Import;

/// <summary>
/// Reads M3 program metadata in the three shapes MapLang meets: the reference JSON of <c>reference/m3</c>
/// (<c>{program, transactions:[{name, input, output}]}</c>), the reply of <c>MRS001MI.LstFields</c> (m3api-rest v1
/// <c>MIRecord/NameValue</c> or v2 <c>results/records</c>), and the XML of <c>GET /m3api-rest/metadata/{PROGRAM}</c>.
/// </summary>
public static class M3MetadataReader
{
    public static IReadOnlyList<M3ProgramMetadata> Read(string text, string sourcePath, List<SchemaProblem> problems)
    {
        var trimmed = text.TrimStart('\uFEFF', ' ', '\t', '\r', '\n');
        if (trimmed.StartsWith('<')) return ReadXml(text, sourcePath, problems);
        JsonDocument doc;
        try
        {
            doc = JsonDocument.Parse(text, new JsonDocumentOptions { AllowTrailingCommas = true, CommentHandling = JsonCommentHandling.Skip });
        }
        catch (JsonException e)
        {
            problems.Add(SchemaProblemCodes.ImportUnreadable.Create(At(sourcePath), $"it is neither XML nor JSON ({e.Message})"));
            return [];
        }
        using (doc)
        {
            var root = doc.RootElement;
            if (root.ValueKind == JsonValueKind.Object && root.TryGetProperty("transactions", out _) && root.TryGetProperty("program", out _))
                return [ReadReferenceJson(root, sourcePath, problems)];
            if (root.ValueKind == JsonValueKind.Object && (root.TryGetProperty("MIRecord", out _) || root.TryGetProperty("results", out _)))
                return ReadLstFields(root, sourcePath, problems);
            problems.Add(SchemaProblemCodes.ImportNotASpec.Create(At(sourcePath),
                "The JSON is not M3 metadata: expected {\"program\", \"transactions\"} (reference format) or an MRS001MI.LstFields reply (\"MIRecord\" or \"results\") at /."));
            return [];
        }
    }

    private static SourceLocation At(string path) => new(path, 0, 0, 1, 1);

    private static M3ProgramMetadata ReadReferenceJson(JsonElement root, string path, List<SchemaProblem> problems)
    {
        var program = Str(root, "program") ?? "";
        var transactions = new List<M3TransactionMetadata>();
        var i = 0;
        foreach (var t in Array(root, "transactions"))
        {
            var pointer = $"/transactions/{i++}";
            var name = Str(t, "name");
            if (name is null)
            {
                problems.Add(SchemaProblemCodes.ImportNotASpec.Create(At(path), $"The transaction at {pointer} has no \"name\"."));
                continue;
            }
            var input = ReadFields(Array(t, "input"), program, name, path, problems);
            // M3H5 has no typed reply for some transactions: "output": [] then proves nothing, but it is all there is.
            var output = ReadFields(Array(t, "output"), program, name, path, problems);
            transactions.Add(new M3TransactionMetadata(program, name, Str(t, "description"), input, output));
        }
        string? provenance = null;
        if (root.TryGetProperty("provenance", out var p) && p.ValueKind == JsonValueKind.Object && Str(p, "repo") is { } repo)
            provenance = Str(p, "commit") is { } commit ? $"{repo} @ {commit}" : repo;
        return new M3ProgramMetadata(program, Str(root, "description"), transactions, provenance);
    }

    private static List<M3FieldMetadata> ReadFields(IEnumerable<JsonElement> fields, string program, string transaction, string path, List<SchemaProblem> problems)
    {
        var result = new List<M3FieldMetadata>();
        foreach (var f in fields)
        {
            var name = Str(f, "name");
            if (name is null) continue;
            var type = Type(Str(f, "type"), name, program, transaction, path, problems);
            bool? isDecimal = Str(f, "csharpType") is { } cs ? cs.StartsWith("decimal", StringComparison.Ordinal) : null;
            if (f.TryGetProperty("decimals", out var dec) && dec.ValueKind == JsonValueKind.Number) isDecimal = dec.GetInt32() > 0;
            result.Add(new M3FieldMetadata(name, Str(f, "description"), type, Int(f, "length"),
                f.TryGetProperty("required", out var r) && r.ValueKind == JsonValueKind.True, isDecimal));
        }
        return result;
    }

    private static string Type(string? raw, string field, string program, string transaction, string path, List<SchemaProblem> problems)
    {
        var type = (raw ?? "").Trim().ToUpperInvariant();
        if (type is "A" or "N" or "D") return type;
        problems.Add(SchemaProblemCodes.ImportUnknownM3Type.Create(At(path), field, $"{program}.{transaction}", raw ?? "(none)"));
        return "A";
    }

    private static IReadOnlyList<M3ProgramMetadata> ReadLstFields(JsonElement root, string path, List<SchemaProblem> problems)
    {
        var rows = new List<Dictionary<string, string>>();
        if (root.TryGetProperty("MIRecord", out var records))
        {
            foreach (var record in records.ValueKind == JsonValueKind.Array ? records.EnumerateArray() : Enumerable.Empty<JsonElement>())
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var nv in Array(record, "NameValue"))
                {
                    if (Str(nv, "Name") is { } n) row[n] = (Str(nv, "Value") ?? "").Trim();
                }
                rows.Add(row);
            }
        }
        else
        {
            foreach (var result in Array(root, "results"))
            {
                foreach (var record in Array(result, "records"))
                {
                    var row = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var prop in record.EnumerateObject()) row[prop.Name] = (prop.Value.ValueKind == JsonValueKind.String ? prop.Value.GetString() ?? "" : prop.Value.GetRawText()).Trim();
                    rows.Add(row);
                }
            }
        }
        var missing = new[] { "MINM", "TRNM", "TRTP", "FLNM", "TYPE" }.Where(k => rows.Count > 0 && !rows[0].ContainsKey(k)).ToArray();
        if (rows.Count == 0 || missing.Length > 0)
        {
            problems.Add(SchemaProblemCodes.ImportNotASpec.Create(At(path), rows.Count == 0
                ? "The MRS001MI.LstFields reply has no records."
                : $"The records are not MRS001MI.LstFields output: they lack {string.Join(", ", missing)} (at /MIRecord/0 or /results/0/records/0)."));
            return [];
        }
        var programs = new List<M3ProgramMetadata>();
        foreach (var byProgram in rows.GroupBy(r => r["MINM"], StringComparer.Ordinal))
        {
            var transactions = new List<M3TransactionMetadata>();
            foreach (var byTransaction in byProgram.GroupBy(r => r["TRNM"], StringComparer.Ordinal))
            {
                var input = new List<M3FieldMetadata>();
                var output = new List<M3FieldMetadata>();
                foreach (var r in byTransaction.OrderBy(r => int.TryParse(r.GetValueOrDefault("FRPO"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pos) ? pos : 0))
                {
                    var field = new M3FieldMetadata(r["FLNM"], r.GetValueOrDefault("FLDS"),
                        Type(r["TYPE"], r["FLNM"], byProgram.Key, byTransaction.Key, path, problems),
                        int.TryParse(r.GetValueOrDefault("LENG"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var len) ? len : null,
                        r.GetValueOrDefault("MAND") is "1" or "true" or "Y",
                        int.TryParse(r.GetValueOrDefault("FLDP"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var dp) ? dp > 0 : null);
                    (r["TRTP"].StartsWith('O') ? output : input).Add(field);
                }
                transactions.Add(new M3TransactionMetadata(byProgram.Key, byTransaction.Key, null, input, output));
            }
            programs.Add(new M3ProgramMetadata(byProgram.Key, null, transactions, null));
        }
        return programs;
    }

    private static IReadOnlyList<M3ProgramMetadata> ReadXml(string text, string path, List<SchemaProblem> problems)
    {
        XDocument doc;
        try
        {
            doc = XDocument.Parse(text);
        }
        catch (System.Xml.XmlException e)
        {
            problems.Add(SchemaProblemCodes.ImportUnreadable.Create(new SourceLocation(path, 0, 0, Math.Max(1, e.LineNumber), Math.Max(1, e.LinePosition)), e.Message));
            return [];
        }
        var root = doc.Root!;
        if (root.Name.LocalName != "MIProgramMetadata")
        {
            problems.Add(SchemaProblemCodes.ImportNotASpec.Create(At(path), $"The XML root is <{root.Name.LocalName}>, not <MIProgramMetadata> (GET /m3api-rest/metadata/{{PROGRAM}})."));
            return [];
        }
        var program = (string?)root.Attribute("Program") ?? "";
        var transactions = new List<M3TransactionMetadata>();
        foreach (var t in root.Elements().Where(e => e.Name.LocalName == "Transaction"))
        {
            var name = (string?)t.Attribute("Transaction") ?? "";
            List<M3FieldMetadata> Fields(string list) => t.Elements().Where(e => e.Name.LocalName == list)
                .SelectMany(l => l.Elements().Where(e => e.Name.LocalName == "Field"))
                .Select(f => new M3FieldMetadata(
                    (string?)f.Attribute("Name") ?? "",
                    (string?)f.Attribute("Description"),
                    Type((string?)f.Attribute("FieldType"), (string?)f.Attribute("Name") ?? "", program, name, path, problems),
                    int.TryParse((string?)f.Attribute("Length"), NumberStyles.Integer, CultureInfo.InvariantCulture, out var len) ? len : null,
                    string.Equals((string?)f.Attribute("Mandatory"), "true", StringComparison.OrdinalIgnoreCase),
                    null))
                .Where(f => f.Name.Length > 0)
                .ToList();
            transactions.Add(new M3TransactionMetadata(program, name, (string?)t.Attribute("Description"), Fields("InputFieldList"), Fields("OutputFieldList")));
        }
        return [new M3ProgramMetadata(program, (string?)root.Attribute("Description"), transactions, null)];
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static int? Int(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Number && v.TryGetInt32(out var n) ? n : null;

    private static IEnumerable<JsonElement> Array(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.Array ? v.EnumerateArray() : [];
}
