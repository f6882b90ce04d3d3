using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Completion;

/// <summary>
/// Inside a <c>flow { … }</c>: its members (as snippets) where one may start, map names after <c>map x =</c>, and the variables a
/// path may start with (<c>payload</c> and the outputs of the steps before the cursor) after <c>with</c>, <c>by</c>, <c>to</c>,
/// <c>in</c>, <c>if</c> and a map's parenthesis. Entities after <c>as</c> come from the schema completions.
/// </summary>
internal static class FlowCompletions
{
    private static readonly (string Label, string Snippet, string Doc)[] Members =
    [
        ("on webhook", "on webhook ${1:magento} \"${2:order.created}\" as ${3:Magento.Order}", "Runs on a store's webhook `POST /webhooks/{connection}/{event}`."),
        ("on schedule", "on schedule ${1:m3} \"${2:deliveries.shipped}\" every ${3:60} as ${4:M3.MWS410}", "Polls a connection's operation every N seconds; `{ NAME = \"value\" }` after it narrows what it selects."),
        ("on ion", "on ion \"${1:SyncCustomerPartyMaster}\"", "Runs on the ION BODs posted to `/webhooks/ion/{Noun}`."),
        ("key", "key ${1:increment_id}", "The idempotency key: a field of the payload; the same value twice is one run."),
        ("lookup", "lookup ${1:M3.OIS100.CUNO} from ${2:m3} \"${3:customerByEmail}\"", "Who answers `lookup(key)` for a target field."),
        ("fetch", "fetch ${1:order} from ${2:bigcommerce} \"${3:order.get}\" by ${4:payload.data.id}", "A safe read from a connection."),
        ("map", "map ${1:record} = ${2:Map}(${3:payload})", "Runs a map by name; its source must be the input's entity."),
        ("call", "call ${1:m3} \"${2:M3.OIS100}\" with ${3:record} into ${4:result}", "Calls a connection's operation with a record."),
        ("for each", "for each ${1:line} in ${2:record.lines} {\n    $0\n}", "Runs the steps once per item of a list."),
        ("if", "if ${1:payload.status} == \"${2:processing}\" {\n    $0\n}", "Runs the steps when a value equals a text (or, without ==, is present)."),
        ("reply", "reply ${1:magento} \"${2:order.comment}\" to ${3:payload.entity_id} { ${4:comment} = \"${5:M3 order {result.ORNO\\}}\" }", "A reply to the store, sent through the outbox; `with record` sends a mapped record instead."),
    ];

    private static readonly HashSet<string> PathStarts = new(StringComparer.Ordinal) { "with", "by", "to", "in", "if" };

    /// <summary>The flow whose body holds <paramref name="position"/>, if any.</summary>
    public static FlowSyntax? At(DocumentAnalysis analysis, int position)
    {
        foreach (var flow in analysis.Tree.Root.Declarations.OfType<FlowSyntax>().Reverse())
        {
            if (flow.Span.Start >= position) continue;
            var text = analysis.Text.Text;
            var open = text.IndexOf('{', flow.Name.Span.End);
            if (open < 0 || open >= position) return null;
            var closed = flow.Span.End > open + 1 && text[flow.Span.End - 1] == '}';
            return !closed || position < flow.Span.End ? flow : null;
        }
        return null;
    }

    public static IEnumerable<CompletionItem> For(DocumentAnalysis analysis, FlowSyntax flow, TokenNavigator tokens, int previous, SyntaxToken? prev, TextSpan replace, bool memberStart)
    {
        if (memberStart && !InFieldBlock(flow.Members, replace.Start))
            return Members.Select(m => new CompletionItem(m.Label, CompletionKind.Snippet, null, m.Doc, m.Snippet, true, "0" + m.Label, replace));
        if (prev is null) return [];
        if (prev.Text == "=" && previous >= 2 && tokens[previous - 2].Text == "map")
            return analysis.Compilation.Maps.Select(m => m.Symbol).Where(m => m.IsNamed).DistinctBy(m => m.Name)
                .Select(m => new CompletionItem(m.Name, CompletionKind.Map, $"{m.Source?.QualifiedName ?? "?"} -> {m.Target?.QualifiedName ?? "?"}", null,
                    m.Name + "(${1:payload})", true, "0" + m.Name, replace));
        if (PathStarts.Contains(prev.Text) || prev.Text == "(" && previous >= 1 && tokens[previous - 1].Kind is SyntaxTokenKind.Identifier)
            return Variables(flow, replace.Start).Select(v => new CompletionItem(v.Name, CompletionKind.Local, v.Detail, null, v.Name, false, "0" + v.Name, replace));
        return [];
    }

    /// <summary>Whether the position is in a member that holds <c>{ name = "value" }</c> fields (a trigger, a lookup, a reply), not steps.</summary>
    private static bool InFieldBlock(IEnumerable<FlowMemberSyntax> members, int position) => members.Any(m => m switch
    {
        FlowTriggerSyntax or FlowLookupSyntax or ReplyStepSyntax => m.Span.Start < position && position < m.Span.End,
        ForEachStepSyntax e => InFieldBlock(e.Steps, position),
        IfStepSyntax i => InFieldBlock([.. i.Then, .. i.Else ?? []], position),
        _ => false,
    });

    /// <summary><c>payload</c> and the outputs of the steps that end before <paramref name="position"/>, with the loop items whose block holds it.</summary>
    private static IEnumerable<(string Name, string Detail)> Variables(FlowSyntax flow, int position)
    {
        var trigger = flow.Members.OfType<FlowTriggerSyntax>().FirstOrDefault();
        yield return ("payload", trigger?.Entity is { } entity ? $"the trigger's message ({entity.Text})" : "the trigger's message");
        foreach (var v in Outputs(flow.Members.OfType<FlowStepSyntax>(), position)) yield return v;
    }

    private static IEnumerable<(string Name, string Detail)> Outputs(IEnumerable<FlowStepSyntax> steps, int position)
    {
        foreach (var step in steps.Where(s => s.Span.Start < position))
        {
            var inside = position <= step.Span.End;
            switch (step)
            {
                case MapStepSyntax { Output.IsMissing: false } m when !inside:
                    yield return (m.Output.Text, $"map {m.Mapper.Text}");
                    break;
                case FetchStepSyntax { Output.IsMissing: false } f when !inside:
                    yield return (f.Output.Text, $"fetch {f.Operation.PlainValue}");
                    break;
                case CallStepSyntax { Output: { IsMissing: false } output } c when !inside:
                    yield return (output.Text, $"call {c.Operation.PlainValue}");
                    break;
                case ForEachStepSyntax e when inside:
                    if (!e.Item.IsMissing) yield return (e.Item.Text, $"an item of {e.Items.Text}");
                    foreach (var v in Outputs(e.Steps, position)) yield return v;
                    break;
                case IfStepSyntax i when inside:
                    foreach (var v in Outputs([.. i.Then, .. i.Else ?? []], position)) yield return v;
                    break;
            }
        }
    }
}
