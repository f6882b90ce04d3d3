using System.Globalization;
using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.M3.Protocol;

/// <summary>
/// Reads an m3api-rest call: the transaction segment may carry matrix parameters (<c>AddBatchHead;maxrecs=100;returncols=A,B</c>);
/// the query holds the fields (upper-case names) and, in v2, lower-case options (maxrecs, returncols, cono, divi).
/// </summary>
internal static class M3RequestParser
{
    public static M3Request Parse(string program, string transactionSegment, IQueryCollection query)
    {
        var parts = transactionSegment.Split(';');
        int? maxrecs = null;
        IReadOnlyList<string>? returncols = null;
        void Option(string key, string value)
        {
            switch (key.ToLowerInvariant())
            {
                case "maxrecs" when int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var m): maxrecs = m; break;
                case "returncols": returncols = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries); break;
            }
        }
        foreach (var matrix in parts.Skip(1))
        {
            var eq = matrix.IndexOf('=');
            if (eq > 0) Option(matrix[..eq], Uri.UnescapeDataString(matrix[(eq + 1)..]));
        }
        var input = new M3Row();
        foreach (var (key, values) in query)
        {
            if (key.Length == 0) continue;
            if (key.Any(char.IsLower))
            {
                if (key.Equals("cono", StringComparison.OrdinalIgnoreCase)) input["CONO"] = values.ToString().Trim();
                else Option(key, values.ToString());
                continue;
            }
            // M3 ignores trailing blanks: a blank-padded value is the value.
            input[key] = values.ToString().TrimEnd();
        }
        return new M3Request(program.ToUpperInvariant(), parts[0], input, maxrecs, returncols);
    }
}
