using MapLang.Compiler.Syntax;

namespace MapLang.Compiler.Binding.Flows;

/// <summary>
/// A checked flow in the host's terms: connection names, operations and wire paths (<c>payload.entity_id</c>), ready for
/// <see cref="Emit.FlowJsonEmitter"/>. Only flows without errors are bound to the end.
/// </summary>
public sealed record BoundFlow(
    string Name,
    BoundFlowTrigger Trigger,
    string IdempotencyKey,
    IReadOnlyList<BoundFlowStep> Steps,
    IReadOnlyList<BoundFlowLookup> Lookups,
    FlowSyntax Syntax,
    string FilePath);

/// <summary>What starts a flow; <see cref="Lists"/> (ION flows with <c>as</c>) are the payload's list paths, see <see cref="BodLists"/>.</summary>
public sealed record BoundFlowTrigger(FlowTriggerKind Kind, string Connection, string Address, int IntervalSeconds,
    IReadOnlyList<KeyValuePair<string, string>>? Parameters = null, IReadOnlyList<string>? Lists = null);

public sealed record BoundFlowLookup(string Field, string Connection, string Operation, IReadOnlyList<KeyValuePair<string, string>>? Defaults);

/// <summary>A step; <see cref="Name"/> (the output variable, when the step has one) keys its checkpoint in the host.</summary>
public abstract record BoundFlowStep(string? Name);

public sealed record BoundFetchStep(string Connection, string Operation, string Id, string Output) : BoundFlowStep(Output);

public sealed record BoundMapStep(string Mapper, string Input, string Output) : BoundFlowStep(Output);

public sealed record BoundCallStep(string Connection, string Operation, string Input, string? Output) : BoundFlowStep(Output);

public sealed record BoundForEachStep(string Items, string Item, IReadOnlyList<BoundFlowStep> Steps) : BoundFlowStep((string?)null);

public sealed record BoundIfStep(string Path, string? EqualTo, IReadOnlyList<BoundFlowStep> Then, IReadOnlyList<BoundFlowStep>? Else) : BoundFlowStep((string?)null);

/// <summary>A reply; field values are host templates (<c>M3 order {result.ORNO}</c>), or <see cref="Input"/> names the record sent as the body.</summary>
public sealed record BoundReplyStep(string Connection, string Operation, string Id, IReadOnlyList<KeyValuePair<string, string>> Fields, string? Input = null) : BoundFlowStep((string?)null);
