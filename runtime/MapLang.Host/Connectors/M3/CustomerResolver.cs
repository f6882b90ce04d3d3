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
    /// <summary>
    /// The customer with this e-mail, else a new one numbered <paramref name="chosenNumber"/> (a number the mapping chose, e.g.
    /// stableId(e-mail) that the store's order map uses too) or, without one, the host's deterministic number for the e-mail.
    /// </summary>
    public async Task<string> FindOrCreateAsync(string email, IReadOnlyDictionary<string, string> newCustomer, ICheckpoints checkpoints, CancellationToken ct,
        string? chosenNumber = null)
    {
        var deterministic = chosenNumber ?? CustomerNumbers.FromEmail(email);
        var search = await m3.ExecuteAsync("CRS610MI", "SearchCustomer", new Dictionary<string, string> { ["SQRY"] = $"MAIL:\"{email}\"" }, false, 0, ct)
            .ConfigureAwait(false);
        var matches = await SameEmailAsync(search.Rows, email, ct).ConfigureAwait(false);
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

    /// <summary>
    /// The customers among the search hits whose e-mail is this one. SearchCustomer answers without MAIL (its output has no such
    /// field) and the search engine matches loosely, so each hit's e-mail is read with GetBasicData unless the hit carries it.
    /// </summary>
    private async Task<List<string>> SameEmailAsync(IReadOnlyList<IReadOnlyDictionary<string, string>> hits, string email, CancellationToken ct)
    {
        const int MaxHitsChecked = 20;
        var matches = new List<string>();
        foreach (var hit in hits.Where(h => !string.IsNullOrWhiteSpace(h.GetValueOrDefault("CUNO"))).DistinctBy(h => h["CUNO"]).Take(MaxHitsChecked))
        {
            var mail = hit.GetValueOrDefault("MAIL");
            if (mail is null)
            {
                var basic = await m3.ExecuteAsync("CRS610MI", "GetBasicData", new Dictionary<string, string> { ["CUNO"] = hit["CUNO"] }, false, null, ct).ConfigureAwait(false);
                mail = basic.Rows.FirstOrDefault()?.GetValueOrDefault("MAIL");
            }
            if (string.Equals(mail?.Trim(), email, StringComparison.OrdinalIgnoreCase)) matches.Add(hit["CUNO"].Trim());
        }
        return matches;
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
