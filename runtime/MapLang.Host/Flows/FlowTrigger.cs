using System.Text.Json.Serialization;

namespace MapLang.Host.Flows;

/// <summary>What starts a run of a flow.</summary>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "kind")]
[JsonDerivedType(typeof(WebhookTrigger), "webhook")]
[JsonDerivedType(typeof(ScheduleTrigger), "schedule")]
[JsonDerivedType(typeof(IonBodTrigger), "ionBod")]
public abstract record FlowTrigger;

/// <summary>A store POSTs <c>/webhooks/{Connector}/{Event}</c>; the body is the run's <c>payload</c>.</summary>
public sealed record WebhookTrigger(string Connector, string Event) : FlowTrigger;

/// <summary>
/// Polls a connector's list operation every <see cref="IntervalSeconds"/>; each item becomes one run (deduplicated by the flow's key).
/// <see cref="Operation"/> is a read operation of the connector, e.g. <c>orders.since</c>; <see cref="Parameters"/> narrow what it
/// selects (M3's <c>deliveries.shipped</c> with <c>ORTP</c>: the deliveries of one store's order type).
/// </summary>
public sealed record ScheduleTrigger(string Connector, string Operation, int IntervalSeconds, IReadOnlyDictionary<string, string>? Parameters = null) : FlowTrigger;

/// <summary>
/// M3 ION posts a BOD (e.g. <c>SyncCustomerPartyMaster</c>) to <c>/webhooks/ion/{Noun}</c>. An XML BOD does not say which elements
/// repeat: <see cref="Lists"/> names those that are lists even when the BOD holds one (<c>DataArea.PurchaseOrder.PurchaseOrderLine</c>).
/// </summary>
public sealed record IonBodTrigger(string Noun, IReadOnlyList<string>? Lists = null) : FlowTrigger;
