using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors.M3;

/// <summary>The reads the M3 poll sources share: a list transaction page by page, and their parameters.</summary>
internal static class M3Pages
{
    /// <summary>
    /// The rows of a list transaction, a page (maxrecs) at a time: the next page asks from the last row's numeric
    /// <paramref name="keyField"/> + 1 (a page shorter than <paramref name="pageSize"/> is the last).
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyDictionary<string, string>> ListAsync(M3Client client, string program, string transaction,
        IReadOnlyDictionary<string, string> fields, string keyField, string? start, int pageSize,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        while (true)
        {
            var request = new Dictionary<string, string>(fields, StringComparer.Ordinal);
            if (start is { Length: > 0 }) request[keyField] = start;
            var page = await client.ExecuteAsync(program, transaction, request, false, pageSize, ct).ConfigureAwait(false);
            foreach (var row in page.Rows) yield return row;
            if (page.Count < pageSize || !long.TryParse(page.Rows[^1].GetValueOrDefault(keyField, ""), NumberStyles.None, CultureInfo.InvariantCulture, out var last)) yield break;
            start = (last + 1).ToString(CultureInfo.InvariantCulture);
        }
    }

    /// <summary>
    /// The rows of a list transaction keyed by a text field (item and customer numbers are not numeric), in key order, a page at a
    /// time. The list needs a key to start at: the first page starts at "!", below every character of a key; a later page starts at
    /// the last key of the one before, whose repeated row is dropped.
    /// </summary>
    public static async IAsyncEnumerable<IReadOnlyDictionary<string, string>> ListByTextAsync(M3Client client, string program, string transaction,
        string keyField, int pageSize, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        const string First = "!";
        var last = First;
        while (true)
        {
            // From the second page on, one more: the first row is the last one of the page before.
            var asked = last == First ? pageSize : pageSize + 1;
            var page = await client.ExecuteAsync(program, transaction, new Dictionary<string, string> { [keyField] = last }, false, asked, ct).ConfigureAwait(false);
            var fresh = page.Rows.Where(r => r.GetValueOrDefault(keyField, "") is { Length: > 0 } key && string.CompareOrdinal(key, last) > 0).ToList();
            foreach (var row in fresh) yield return row;
            if (page.Count < asked || fresh.Count == 0) yield break;
            last = fresh[^1][keyField];
        }
    }

    /// <summary>
    /// A record as a flow sees one version of it: every field as M3 answered it, plus <c>VERSION</c> = key/LMDT/<see cref="Fingerprint"/>
    /// (LMDT is a date: two changes on one day are told apart by what changed).
    /// </summary>
    public static JsonObject Versioned(IReadOnlyDictionary<string, string> record, string keyField)
    {
        var json = M3Connector.ToJson(record);
        json["VERSION"] = record.GetValueOrDefault(keyField, "") + "/" + record.GetValueOrDefault("LMDT", "") + "/" + Fingerprint(record);
        return json;
    }

    /// <summary>12 hex digits of SHA-256 over the fields (name=value, sorted by name): the same record, the same fingerprint.</summary>
    public static string Fingerprint(IReadOnlyDictionary<string, string> fields)
    {
        var text = new StringBuilder();
        foreach (var (name, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal)) text.Append(name).Append('=').Append(value).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..12];
    }

    /// <summary>The poll's parameters, trimmed, blanks left out; one not in <paramref name="known"/> is refused (a misspelt filter would select everything).</summary>
    public static Dictionary<string, string> Parameters(string operation, IReadOnlyDictionary<string, string> parameters, params string[] known)
    {
        foreach (var name in parameters.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)))
            throw new PermanentCallException($"M3 {operation}: unknown parameter '{name}' ({string.Join(", ", known)}).");
        return parameters.Where(p => p.Value.Trim().Length > 0).ToDictionary(p => p.Key, p => p.Value.Trim(), StringComparer.Ordinal);
    }
}
