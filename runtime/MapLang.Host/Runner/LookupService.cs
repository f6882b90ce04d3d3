using System.Text.Json.Nodes;
using MapLang.Host.Connectors;
using MapLang.Host.Connectors.M3;
using MapLang.Host.Flows;

namespace MapLang.Host.Runner;

/// <summary>Resolves one pending <c>lookup(key)</c> with the flow's <see cref="LookupDefinition"/> (e.g. the M3 customer of an e-mail).</summary>
public sealed class LookupService(ConnectorRegistry connectors)
{
    public static LookupDefinition? Find(FlowDefinition flow, string name)
    {
        var shortName = name[(name.LastIndexOf('.') + 1)..];
        return flow.LookupList.FirstOrDefault(l => l.Field == name) ?? flow.LookupList.FirstOrDefault(l => l.Field == shortName);
    }

    public async Task<string> ResolveAsync(LookupDefinition lookup, string key, JsonObject? newRecord, ICheckpoints checkpoints, CancellationToken ct)
    {
        var connector = connectors.Get(lookup.Connector);
        switch (connector, lookup.Operation)
        {
            case (M3Connector m3, "customerByEmail"):
                if (string.IsNullOrWhiteSpace(key)) throw new MapLang.Runtime.MappingException("lookup of the M3 customer: the e-mail address is empty.");
                return await m3.Customers.FindOrCreateAsync(key.Trim(), CustomerResolver.NewCustomerFields(lookup.Defaults, newRecord), checkpoints, ct).ConfigureAwait(false);
            default:
                throw new PermanentCallException($"Connector '{lookup.Connector}' has no lookup '{lookup.Operation}' (m3: customerByEmail).");
        }
    }
}
