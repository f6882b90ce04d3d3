using MapLang.Host.Flows;

namespace MapLang.Host.Runner;

/// <summary>The configured flows by name, and which flows a webhook starts.</summary>
public sealed class FlowCatalog(IReadOnlyList<FlowDefinition> flows)
{
    private readonly Dictionary<string, FlowDefinition> _byName = flows.ToDictionary(f => f.Name, StringComparer.Ordinal);

    public IReadOnlyList<FlowDefinition> All => flows;

    public FlowDefinition? Find(string name) => _byName.GetValueOrDefault(name);

    public IReadOnlyList<FlowDefinition> ForWebhook(string connector, string @event) =>
        flows.Where(f => f.Trigger switch
        {
            WebhookTrigger w => string.Equals(w.Connector, connector, StringComparison.OrdinalIgnoreCase) && string.Equals(w.Event, @event, StringComparison.OrdinalIgnoreCase),
            IonBodTrigger b => string.Equals(connector, "ion", StringComparison.OrdinalIgnoreCase) && string.Equals(b.Noun, @event, StringComparison.OrdinalIgnoreCase),
            _ => false,
        }).ToList();
}
