using System.Text.Json.Nodes;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Connectors.M3;

/// <summary>
/// Finds the M3 customer of an e-mail address, creating it when absent — never twice: CRS610MI.SearchCustomer by MAIL, then
/// GetBasicData of the deterministic number (<see cref="CustomerNumbers"/>), then CRS610MI.Add with that number. An Add whose
/// outcome is unknown is found by GetBasicData on the next attempt; "already exists" means it went through.
/// </summary>
public sealed class CustomerResolver(M3Client m3, ILogger logger)
{
    public async Task<string> FindOrCreateAsync(string email, IReadOnlyDictionary<string, string> newCustomer, ICheckpoints checkpoints, CancellationToken ct)
    {
        var deterministic = CustomerNumbers.FromEmail(email);
        var search = await m3.ExecuteAsync("CRS610MI", "SearchCustomer", new Dictionary<string, string> { ["SQRY"] = $"MAIL:\"{email}\"" }, false, 0, ct)
            .ConfigureAwait(false);
        var matches = search.Rows.Where(r => string.Equals(r.GetValueOrDefault("MAIL"), email, StringComparison.OrdinalIgnoreCase))
            .Select(r => r.GetValueOrDefault("CUNO")!).Distinct().ToList();
        if (matches.Contains(deterministic)) return deterministic;
        if (matches.Count == 1) return matches[0];
        if (matches.Count > 1)
            throw new AmbiguousOutcomeException($"{matches.Count} M3 customers have this e-mail address ({string.Join(", ", matches)}); choose one in M3.");

        if (await ExistsAsync(deterministic, ct).ConfigureAwait(false)) return deterministic;

        var fields = new Dictionary<string, string>(newCustomer, StringComparer.Ordinal) { ["CUNO"] = deterministic, ["MAIL"] = email };
        var key = $"crs610:add:{deterministic}";
        await checkpoints.SetAsync(key, "sent", ct).ConfigureAwait(false);
        try
        {
            await m3.ExecuteAsync("CRS610MI", "Add", fields, write: true, null, ct).ConfigureAwait(false);
            logger.LogInformation("M3 customer {Cuno} created", deterministic);
        }
        catch (PermanentCallException e) when (e.Code == "XRE0104")
        {
            // Created by an earlier attempt whose reply was lost.
        }
        await checkpoints.SetAsync(key, "done", ct).ConfigureAwait(false);
        return deterministic;
    }

    private async Task<bool> ExistsAsync(string cuno, CancellationToken ct)
    {
        try
        {
            var found = await m3.ExecuteAsync("CRS610MI", "GetBasicData", new Dictionary<string, string> { ["CUNO"] = cuno }, false, null, ct).ConfigureAwait(false);
            return found.Count > 0;
        }
        catch (PermanentCallException e) when (e.Code is "XRE0103" or "WCU0203")
        {
            return false;
        }
    }

    /// <summary>The fields of a new customer: the lookup's defaults overlaid by a mapped M3.CRS610 record (when the flow maps one).</summary>
    public static Dictionary<string, string> NewCustomerFields(IReadOnlyDictionary<string, string>? defaults, JsonObject? mapped)
    {
        var fields = new Dictionary<string, string>(defaults ?? new Dictionary<string, string>(), StringComparer.Ordinal);
        if (mapped is not null) foreach (var (k, v) in M3Fields.From(mapped)) fields[k] = v;
        return fields;
    }
}
