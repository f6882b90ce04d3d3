using MapLang.Compiler.Text;

namespace MapLang.Compiler.Syntax;

/// <summary><c>flow Name { on … key … lookup … steps }</c>: what starts a run, how a message is recognised again, and what it does.</summary>
public sealed record FlowSyntax(NameSyntax Name, IReadOnlyList<FlowMemberSyntax> Members, TextSpan Span) : DeclarationSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Name, .. Members];
}

public abstract record FlowMemberSyntax(TextSpan Span) : SyntaxNode(Span);

public enum FlowTriggerKind { Missing, Webhook, Schedule, Ion }

/// <summary>
/// <c>on webhook magento "order.created" [as Magento.Order]</c>, <c>on schedule m3 "orders.since" every 60 [as …]</c> or
/// <c>on ion "SyncCustomerPartyMaster" [as …]</c>. <see cref="Address"/> is the event, the operation or the noun. A schedule may end
/// with <see cref="Parameters"/> that narrow what the poll selects: <c>{ ORTP = "WEB" }</c>.
/// </summary>
public sealed record FlowTriggerSyntax(
    FlowTriggerKind Kind,
    NameSyntax? Connection,
    StringExpressionSyntax Address,
    NumberLiteralSyntax? Interval,
    QualifiedNameSyntax? Entity,
    TextSpan Span,
    IReadOnlyList<FlowFieldSyntax>? Parameters = null) : FlowMemberSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [.. Nodes(Connection, Address, Interval, Entity), .. Parameters ?? []];
}

/// <summary><c>key increment_id</c>: the idempotency key, a field path of the payload.</summary>
public sealed record FlowKeySyntax(QualifiedNameSyntax Path, TextSpan Span) : FlowMemberSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Path];
}

/// <summary><c>lookup M3.OIS100.CUNO from m3 "customerByEmail" [{ CUTM = "WEBTMPL" }]</c>: who answers <c>lookup(key)</c> for a target field.</summary>
public sealed record FlowLookupSyntax(
    QualifiedNameSyntax Field,
    NameSyntax Connection,
    StringExpressionSyntax Operation,
    IReadOnlyList<FlowFieldSyntax>? Defaults,
    TextSpan Span) : FlowMemberSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Field, Connection, Operation, .. Defaults ?? []];
}

/// <summary><c>name = "text {variable.path}"</c> in a reply's or a lookup's field block.</summary>
public sealed record FlowFieldSyntax(NameSyntax Name, StringExpressionSyntax Value, TextSpan Span) : SyntaxNode(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Name, Value];
}

public abstract record FlowStepSyntax(TextSpan Span) : FlowMemberSyntax(Span);

/// <summary><c>fetch order from bigcommerce "order.get" by payload.data.id [as BigCommerce.Order]</c></summary>
public sealed record FetchStepSyntax(
    NameSyntax Output,
    NameSyntax Connection,
    StringExpressionSyntax Operation,
    QualifiedNameSyntax Id,
    QualifiedNameSyntax? Entity,
    TextSpan Span) : FlowStepSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Output, Connection, Operation, Id, Entity);
}

/// <summary><c>map record = OrderToOIS100(payload)</c></summary>
public sealed record MapStepSyntax(NameSyntax Output, NameSyntax Mapper, QualifiedNameSyntax Input, TextSpan Span) : FlowStepSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Output, Mapper, Input];
}

/// <summary><c>call m3 "M3.OIS100" with record [into result]</c></summary>
public sealed record CallStepSyntax(
    NameSyntax Connection,
    StringExpressionSyntax Operation,
    QualifiedNameSyntax Input,
    NameSyntax? Output,
    TextSpan Span) : FlowStepSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => Nodes(Connection, Operation, Input, Output);
}

/// <summary><c>for each item in payload.items { steps }</c></summary>
public sealed record ForEachStepSyntax(NameSyntax Item, QualifiedNameSyntax Items, IReadOnlyList<FlowStepSyntax> Steps, TextSpan Span) : FlowStepSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Item, Items, .. Steps];
}

/// <summary><c>if payload.status [== "processing"] { steps } [else { steps }]</c></summary>
public sealed record IfStepSyntax(
    QualifiedNameSyntax Path,
    StringExpressionSyntax? EqualTo,
    IReadOnlyList<FlowStepSyntax> Then,
    IReadOnlyList<FlowStepSyntax>? Else,
    TextSpan Span) : FlowStepSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [.. Nodes(Path, EqualTo), .. Then, .. Else ?? []];
}

/// <summary>
/// <c>reply magento "order.comment" to payload.entity_id { comment = "M3 order {result.ORNO}" }</c>, or with a mapped record as the
/// body: <c>reply magento "order.ship" to order.entity_id with shipment</c> (then <see cref="Input"/> is set and there are no fields).
/// </summary>
public sealed record ReplyStepSyntax(
    NameSyntax Connection,
    StringExpressionSyntax Operation,
    QualifiedNameSyntax Id,
    IReadOnlyList<FlowFieldSyntax> Fields,
    TextSpan Span,
    QualifiedNameSyntax? Input = null) : FlowStepSyntax(Span)
{
    public override IEnumerable<SyntaxNode> Children => [Connection, Operation, Id, .. Fields, .. Nodes(Input)];
}
