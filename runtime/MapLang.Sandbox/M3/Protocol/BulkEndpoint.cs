using System.Globalization;
using System.Text.Json;
using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.M3.Protocol;

/// <summary>
/// <c>POST …/v2/execute</c> with <c>{program, cono, divi, excludeEmptyValues, rightTrim, maxReturnedRecords, transactions:[{transaction, record, selectedColumns}]}</c>.
/// Each transaction runs on its own (a failed one does not undo the others, as in M3).
/// </summary>
internal static class BulkEndpoint
{
    public static async Task Handle(HttpContext http, M3Simulator m3)
    {
        JsonDocument doc;
        try
        {
            doc = await JsonDocument.ParseAsync(http.Request.Body, cancellationToken: http.RequestAborted);
        }
        catch (JsonException e)
        {
            await Terminate(http, new M3Error("InvalidRequest", "", "", "Request body is not valid JSON: " + e.Message));
            return;
        }
        using (doc)
        {
            var root = doc.RootElement;
            var program = Text(root, "program").ToUpperInvariant();
            if (m3.Engine.Catalog.Program(program) is null || !root.TryGetProperty("transactions", out var transactions) || transactions.ValueKind != JsonValueKind.Array)
            {
                await Terminate(http, new M3Error("ProgramNotFound", "", "", $"Program {program} does not exist"));
                return;
            }
            var cono = Text(root, "cono");
            if (cono.Length > 0 && cono != m3.Options.Company.ToString(CultureInfo.InvariantCulture))
            {
                await Terminate(http, M3Messages.Of("XAU0008", "CONO", cono));
                return;
            }
            var rightTrim = !root.TryGetProperty("rightTrim", out var rt) || rt.ValueKind != JsonValueKind.False;
            var excludeEmpty = root.TryGetProperty("excludeEmptyValues", out var ee) && ee.ValueKind == JsonValueKind.True;
            int? max = root.TryGetProperty("maxReturnedRecords", out var mr) && mr.TryGetInt32(out var m) && m > 0 ? m : null;
            var results = new List<M3Result>();
            foreach (var t in transactions.EnumerateArray())
            {
                var input = new M3Row();
                if (t.TryGetProperty("record", out var record) && record.ValueKind == JsonValueKind.Object)
                    foreach (var p in record.EnumerateObject())
                        input[p.Name] = (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() ?? "" : p.Value.GetRawText()).TrimEnd();
                if (cono.Length > 0 && !input.ContainsKey("CONO")) input["CONO"] = cono;
                var columns = t.TryGetProperty("selectedColumns", out var sc) && sc.ValueKind == JsonValueKind.Array
                    ? sc.EnumerateArray().Select(c => c.GetString() ?? "").ToList()
                    : null;
                var result = M3Endpoints.Execute(m3, http, new M3Request(program, Text(t, "transaction"), input, max ?? 0, columns));
                if (result.Terminated)
                {
                    await Terminate(http, result.Error!, results.Count(r => r.Error is null));
                    return;
                }
                results.Add(result);
            }
            await M3Endpoints.WriteJson(http, 200, w => V2Writer.WriteResults(w, results, rightTrim, excludeEmpty));
        }
    }

    private static string Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) ? v.ValueKind == JsonValueKind.String ? v.GetString() ?? "" : v.GetRawText() : "";

    private static Task Terminate(HttpContext http, M3Error error, int succeeded = 0) =>
        M3Endpoints.WriteJson(http, 400, w => V2Writer.WriteTermination(w, error, succeeded));
}
