using MapLang.Host.Flows;

namespace MapLang.Host.Runner;

/// <summary>
/// The flows by name, and which flows a webhook starts: those of the configuration plus those of the .map files in the
/// current compiled version, so a changed flow applies to the next attempt once its .map file recompiles without problems.
/// </summary>
public sealed class FlowCatalog(IReadOnlyList<FlowDefinition> configured, Func<IReadOnlyList<FlowDefinition>> compiled)
{
    private (IReadOnlyList<FlowDefinition> Compiled, IReadOnlyList<FlowDefinition> All, Dictionary<string, FlowDefinition> ByName)? _view;

    public FlowCatalog(IReadOnlyList<FlowDefinition> flows) : this(flows, () => []) { }

    public IReadOnlyList<FlowDefinition> All => View().All;

    public FlowDefinition? Find(string name) => View().ByName.GetValueOrDefault(name);

    private (IReadOnlyList<FlowDefinition> Compiled, IReadOnlyList<FlowDefinition> All, Dictionary<string, FlowDefinition> ByName) View()
    {
        var current = compiled();
        if (_view is { } view && ReferenceEquals(view.Compiled, current)) return view;
        var all = configured.Concat(current).ToList();
        var fresh = (current, (IReadOnlyList<FlowDefinition>)all, all.ToDictionary(f => f.Name, StringComparer.Ordinal));
        _view = fresh;
        return fresh;
    }

    public IReadOnlyList<FlowDefinition> ForWebhook(string connector, string @event) =>
        All.Where(f => f.Trigger switch
        {
            WebhookTrigger w => string.Equals(w.Connector, connector, StringComparison.OrdinalIgnoreCase) && string.Equals(w.Event, @event, StringComparison.OrdinalIgnoreCase),
            IonBodTrigger b => string.Equals(connector, "ion", StringComparison.OrdinalIgnoreCase) && string.Equals(b.Noun, @event, StringComparison.OrdinalIgnoreCase),
            _ => false,
        }).ToList();
}
