using System.Text.Json.Serialization;

namespace MapLang.Host.Flows;

/// <summary>
/// One step of a flow. Values flow through named variables: <c>payload</c> is the trigger's body; a step reads
/// <c>Input</c> and writes <c>Output</c>. Paths are dotted (<c>order.items</c>) with the variable first.
/// </summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "step")]
[JsonDerivedType(typeof(FetchStep), "fetch")]
[JsonDerivedType(typeof(MapStep), "map")]
[JsonDerivedType(typeof(CallStep), "call")]
[JsonDerivedType(typeof(ForEachStep), "forEach")]
[JsonDerivedType(typeof(ConditionStep), "if")]
[JsonDerivedType(typeof(ReplyStep), "reply")]
public abstract record FlowStep
{
    /// <summary>A name unique within the flow; checkpoints are keyed by it (defaults to the kind and position).</summary>
    public string? Name { get; init; }
}

/// <summary>A safe read from a connector, e.g. <c>magento</c>/<c>order.get</c> by <c>payload.entity_id</c>, or BigCommerce's order after a thin webhook.</summary>
public sealed record FetchStep(string Connector, string Operation, string Id, string Output) : FlowStep;

/// <summary>Runs a compiled map (by name) on <see cref="Input"/>; the mapped record goes to <see cref="Output"/>.</summary>
public sealed record MapStep(string Mapper, string Input, string Output) : FlowStep;

/// <summary>
/// Calls a connector operation with a record, e.g. <c>m3</c>/<c>M3.OIS100</c> (the exactly-once customer order writer)
/// or <c>m3</c>/<c>M3.CRS610</c> (find or create a customer). The operation's result goes to <see cref="Output"/>.
/// </summary>
public sealed record CallStep(string Connector, string Operation, string Input, string? Output = null) : FlowStep;

/// <summary>Runs <see cref="Steps"/> once per item of the list at <see cref="Items"/>, the item bound to <see cref="As"/>.</summary>
public sealed record ForEachStep(string Items, string As, IReadOnlyList<FlowStep> Steps) : FlowStep;

/// <summary>
/// Runs <see cref="Then"/> when the value at <see cref="Path"/> equals <see cref="EqualTo"/> (or, without it, exists and is
/// not false/empty), else <see cref="Else"/>.
/// </summary>
public sealed record ConditionStep(string Path, IReadOnlyList<FlowStep> Then, string? EqualTo = null, IReadOnlyList<FlowStep>? Else = null) : FlowStep;

/// <summary>
/// A reply to a store through the outbox (sent after the run's state is committed, retried on its own):
/// e.g. <c>magento</c>/<c>order.comment</c> with <c>Id</c> = <c>payload.entity_id</c>, or <c>bigcommerce</c>/<c>order.status</c>.
/// <see cref="Fields"/> are templates: <c>{m3.ORNO}</c> inserts a variable's value. With <see cref="Input"/> the body is instead the
/// record that variable holds, e.g. a mapped shipment (<c>reply magento "order.ship" to order.entity_id with shipment</c>).
/// </summary>
public sealed record ReplyStep(string Connector, string Operation, string Id, IReadOnlyDictionary<string, string>? Fields = null, string? Input = null) : FlowStep;
