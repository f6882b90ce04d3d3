using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using MapLang.Host.Resilience;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// One MI transaction over m3api-rest (v2 <c>…/v2/execute/P/T?F=v</c> or v1 <c>…/execute/P/T;maxrecs=N?F=v</c>). Every value is
/// URL-encoded (a value holding <c>&amp;CUNO=</c> stays one value); logs name the transaction and the field names, never values.
/// A business refusal (v2 errorMessage, v1 ServerReturnedNOK, HTTP 400) is a <see cref="PermanentCallException"/>.
/// </summary>
public sealed class M3Client(ResilientHttp http, M3Settings settings, IonApiTokenProvider? tokens, ILogger logger)
{
    public async Task<M3Records> ExecuteAsync(string program, string transaction, IReadOnlyDictionary<string, string> fields, bool write,
        int? maxRecords, CancellationToken cancellationToken)
    {
        var operation = $"{program}/{transaction}";
        var uri = BuildUri(program, transaction, fields, maxRecords);
        if (logger.IsEnabled(LogLevel.Debug))
            logger.LogDebug("M3 {Operation} fields [{Fields}]", operation, string.Join(",", fields.Keys));
        string? rejected = null;
        for (var attempt = 0; ; attempt++)
        {
            var token = tokens is null ? null : await tokens.GetAsync(rejected, cancellationToken).ConfigureAwait(false);
            using var response = await http.SendAsync(() =>
            {
                var request = new HttpRequestMessage(HttpMethod.Get, uri);
                request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/json"));
                if (token is not null) request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                return request;
            }, safe: !write, operation, cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.Unauthorized)
            {
                // A 401 is refused before any work: a new token once, then give up for now.
                if (attempt == 0 && tokens is not null)
                {
                    rejected = token;
                    continue;
                }
                throw new TransientCallException($"M3 {operation}: HTTP 401 after renewing the token.", false);
            }
            var body = await response.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.BadRequest) throw Refused(operation, body);
            if (!response.IsSuccessStatusCode)
                throw new PermanentCallException($"M3 {operation}: HTTP {(int)response.StatusCode}.");
            return settings.Api == "v1" ? ParseV1(operation, body) : ParseV2(operation, body);
        }
    }

    private Uri BuildUri(string program, string transaction, IReadOnlyDictionary<string, string> fields, int? maxRecords)
    {
        var sb = new StringBuilder();
        sb.Append(settings.BaseUri.ToString().TrimEnd('/')).Append('/');
        var v1 = settings.Api == "v1";
        sb.Append(v1 ? "execute/" : "v2/execute/").Append(Uri.EscapeDataString(program)).Append('/').Append(Uri.EscapeDataString(transaction));
        if (v1 && maxRecords is { } m1) sb.Append(";maxrecs=").Append(m1.ToString(CultureInfo.InvariantCulture));
        var separator = '?';
        void Add(string name, string value)
        {
            sb.Append(separator).Append(Uri.EscapeDataString(name)).Append('=').Append(Uri.EscapeDataString(value));
            separator = '&';
        }
        if (!v1 && maxRecords is { } m2) Add("maxrecs", m2.ToString(CultureInfo.InvariantCulture));
        foreach (var (name, value) in fields) Add(name, value);
        if (settings.Cono is { } cono && !fields.ContainsKey("CONO")) Add(v1 ? "CONO" : "cono", cono);
        return new Uri(sb.ToString());
    }

    private static PermanentCallException Refused(string operation, byte[] body)
    {
        try
        {
            using var doc = JsonDocument.Parse(body);
            var r = doc.RootElement;
            var message = Str(r, "terminationReason") ?? Str(r, "Message") ?? "refused";
            return new PermanentCallException($"M3 {operation}: {message}", Str(r, "errorCode"), Str(r, "errorField"));
        }
        catch (JsonException)
        {
            return new PermanentCallException($"M3 {operation}: HTTP 400.");
        }
    }

    private static M3Records ParseV2(string operation, byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var rows = new List<Dictionary<string, string>>();
        if (!doc.RootElement.TryGetProperty("results", out var results)) return new M3Records(rows);
        foreach (var result in results.EnumerateArray())
        {
            if (result.TryGetProperty("records", out var records))
                foreach (var record in records.EnumerateArray())
                {
                    var row = new Dictionary<string, string>(StringComparer.Ordinal);
                    foreach (var p in record.EnumerateObject()) row[p.Name] = (p.Value.ValueKind == JsonValueKind.String ? p.Value.GetString() : p.Value.GetRawText())!.TrimEnd();
                    rows.Add(row);
                }
            if (Str(result, "errorMessage") is { } message)
            {
                var code = Str(result, "errorCode");
                if (rows.Count > 0 && Str(result, "errorType") is "PartialFailure")
                    throw new TransientCallException($"M3 {operation}: the list failed midway ({message.Trim()}).", false);
                throw new PermanentCallException($"M3 {operation}: {message.Trim()}", code, Str(result, "errorField"));
            }
        }
        return new M3Records(rows);
    }

    private static M3Records ParseV1(string operation, byte[] body)
    {
        using var doc = JsonDocument.Parse(body);
        var r = doc.RootElement;
        if (Str(r, "@type") == "ServerReturnedNOK")
            throw new PermanentCallException($"M3 {operation}: {Str(r, "Message")?.Trim()}", Str(r, "@code"), Str(r, "@field"));
        var rows = new List<Dictionary<string, string>>();
        if (r.TryGetProperty("MIRecord", out var records))
            foreach (var record in records.EnumerateArray())
            {
                var row = new Dictionary<string, string>(StringComparer.Ordinal);
                foreach (var nv in record.GetProperty("NameValue").EnumerateArray())
                    row[nv.GetProperty("Name").GetString()!] = (nv.GetProperty("Value").GetString() ?? "").TrimEnd();
                rows.Add(row);
            }
        if (r.TryGetProperty("ErrorMessage", out _))
            throw new TransientCallException($"M3 {operation}: the list failed midway.", false);
        return new M3Records(rows);
    }

    private static string? Str(JsonElement e, string name) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
