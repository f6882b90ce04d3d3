namespace MapLang.Host.Flows;

/// <summary>
/// One flow: what starts it, how a message is recognised again (the idempotency key), and its steps.
/// This is the model the compiler's flow syntax will target; until then flows come from the host configuration.
/// </summary>
/// <param name="Name">Unique name; run records and metrics carry it.</param>
/// <param name="Trigger">Webhook, schedule (polling) or ION BOD.</param>
/// <param name="IdempotencyKey">A path into the trigger payload (e.g. <c>increment_id</c>, <c>data.id</c>): the same value twice is one run.</param>
/// <param name="Steps">Run in order; each step's result is checkpointed before the next starts.</param>
/// <param name="Lookups">Resolvers for <c>lookup(key)</c> assignments of the flow's maps, by target field (e.g. <c>M3.OIS100.CUNO</c>).</param>
public sealed record FlowDefinition(
    string Name,
    FlowTrigger Trigger,
    string IdempotencyKey,
    IReadOnlyList<FlowStep> Steps,
    IReadOnlyList<LookupDefinition>? Lookups = null)
{
    public IReadOnlyList<LookupDefinition> LookupList => Lookups ?? [];
}
