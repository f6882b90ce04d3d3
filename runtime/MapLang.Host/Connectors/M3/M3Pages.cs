using System.Globalization;

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

    /// <summary>The poll's parameters, trimmed, blanks left out; one not in <paramref name="known"/> is refused (a misspelt filter would select everything).</summary>
    public static Dictionary<string, string> Parameters(string operation, IReadOnlyDictionary<string, string> parameters, params string[] known)
    {
        foreach (var name in parameters.Keys.Where(k => !known.Contains(k, StringComparer.Ordinal)))
            throw new PermanentCallException($"M3 {operation}: unknown parameter '{name}' ({string.Join(", ", known)}).");
        return parameters.Where(p => p.Value.Trim().Length > 0).ToDictionary(p => p.Key, p => p.Value.Trim(), StringComparer.Ordinal);
    }
}
