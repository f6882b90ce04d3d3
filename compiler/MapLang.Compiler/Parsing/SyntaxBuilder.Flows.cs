using Antlr4.Runtime;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using P = MapLang.Compiler.Parsing.Generated.MapLang;

namespace MapLang.Compiler.Parsing;

public static partial class SyntaxBuilder
{
    /// <summary>The flow parts of the builder: <c>flow Name { … }</c> into <see cref="FlowSyntax"/>.</summary>
    private sealed partial class Builder
    {
        private FlowSyntax Flow(P.FlowDeclarationContext context)
        {
            var members = new List<FlowMemberSyntax>();
            foreach (var member in context.flowMember())
            {
                switch (member)
                {
                    case P.TriggerMemberContext trigger:
                        members.Add(Trigger(trigger));
                        break;
                    case P.KeyMemberContext key:
                        members.Add(new FlowKeySyntax(QualifiedName(key.path, key.Start), Span(key)));
                        break;
                    case P.LookupMemberContext lookup:
                        var operation = Plain(lookup.operation, lookup.connection?.Stop ?? lookup.Start, "A lookup operation");
                        members.Add(new FlowLookupSyntax(
                            QualifiedName(lookup.field, lookup.Start),
                            Name(lookup.connection, lookup.FROM()?.Symbol ?? lookup.Start),
                            operation,
                            lookup.fieldBlock() is { } block ? Fields(block, plain: true, "A default value") : null,
                            Span(lookup)));
                        break;
                    case P.StepMemberContext step when Step(step.flowStep()) is { } s:
                        members.Add(s);
                        break;
                }
            }
            return new FlowSyntax(Name(context.name, context.Start), members, Span(context));
        }

        private FlowTriggerSyntax Trigger(P.TriggerMemberContext context)
        {
            var span = Span(context);
            switch (context.flowTrigger())
            {
                case P.WebhookTriggerContext w:
                    return new FlowTriggerSyntax(FlowTriggerKind.Webhook, Name(w.connection, w.Start),
                        Plain(w.@event, w.connection?.Stop ?? w.Start, "A webhook event"), null, Entity(w.entity, w.AS()?.Symbol), span);
                case P.ScheduleTriggerContext s:
                    return new FlowTriggerSyntax(FlowTriggerKind.Schedule, Name(s.connection, s.Start),
                        Plain(s.operation, s.connection?.Stop ?? s.Start, "A schedule operation"),
                        s.seconds is { } seconds ? Number(seconds) : null, Entity(s.entity, s.AS()?.Symbol), span,
                        s.fieldBlock() is { } parameters ? Fields(parameters, plain: true, "A poll parameter") : null);
                case P.IonTriggerContext i:
                    return new FlowTriggerSyntax(FlowTriggerKind.Ion, null, Plain(i.noun, i.Start, "A BOD noun"), null, Entity(i.entity, i.AS()?.Symbol), span);
                default:
                    return new FlowTriggerSyntax(FlowTriggerKind.Missing, null, new StringExpressionSyntax([], After(context.Start)), null, null, span);
            }
        }

        private QualifiedNameSyntax? Entity(P.QualifiedNameContext? context, IToken? asKeyword) =>
            asKeyword is null ? null : QualifiedName(context, asKeyword);

        private FlowStepSyntax? Step(P.FlowStepContext? context)
        {
            switch (context)
            {
                case P.FetchStepContext f:
                    return new FetchStepSyntax(
                        Name(f.output, f.Start),
                        Name(f.connection, f.FROM()?.Symbol ?? f.Start),
                        Plain(f.operation, f.connection?.Stop ?? f.Start, "A fetch operation"),
                        QualifiedName(f.id, f.BY()?.Symbol ?? f.Stop),
                        Entity(f.entity, f.AS()?.Symbol),
                        Span(f));
                case P.MapStepContext m:
                    return new MapStepSyntax(
                        Name(m.output, m.Start),
                        Name(m.mapper, m.ASSIGN()?.Symbol ?? m.Start),
                        QualifiedName(m.input, m.LPAREN()?.Symbol ?? m.Stop),
                        Span(m));
                case P.CallStepContext c:
                    return new CallStepSyntax(
                        Name(c.connection, c.Start),
                        Plain(c.operation, c.connection?.Stop ?? c.Start, "A call operation"),
                        QualifiedName(c.input, c.WITH()?.Symbol ?? c.Stop),
                        c.INTO() is { } into ? Name(c.output, into.Symbol) : null,
                        Span(c));
                case P.ForEachStepContext e:
                    return new ForEachStepSyntax(
                        Name(e.item, e.EACH()?.Symbol ?? e.Start),
                        QualifiedName(e.items, e.IN()?.Symbol ?? e.Stop),
                        Steps(e.stepBlock()),
                        Span(e));
                case P.IfStepContext i:
                    return new IfStepSyntax(
                        QualifiedName(i.path, i.Start),
                        i.EQ() is { } eq ? Plain(i.value, eq.Symbol, "A compared value") : null,
                        Steps(i.then),
                        i.ELSE() is null ? null : Steps(i.otherwise),
                        Span(i));
                case P.ReplyStepContext r:
                    return new ReplyStepSyntax(
                        Name(r.connection, r.Start),
                        Plain(r.operation, r.connection?.Stop ?? r.Start, "A reply operation"),
                        QualifiedName(r.id, r.TO()?.Symbol ?? r.Stop),
                        r.fieldBlock() is { } block ? Fields(block, plain: false, "") : [],
                        Span(r),
                        r.WITH() is { } with ? QualifiedName(r.input, with.Symbol) : null);
                default:
                    return null;
            }
        }

        private List<FlowStepSyntax> Steps(P.StepBlockContext? block)
        {
            var steps = new List<FlowStepSyntax>();
            if (block is null) return steps;
            foreach (var step in block.flowStep())
                if (Step(step) is { } s) steps.Add(s);
            return steps;
        }

        private List<FlowFieldSyntax> Fields(P.FieldBlockContext block, bool plain, string what)
        {
            var fields = new List<FlowFieldSyntax>();
            foreach (var field in block.fieldValue())
            {
                var value = String(field.value, After(field.ASSIGN()?.Symbol ?? field.Stop));
                if (plain) RequirePlain(value, what);
                fields.Add(new FlowFieldSyntax(Name(field.name, field.Start), value, Span(field)));
            }
            return fields;
        }

        private StringExpressionSyntax Plain(P.StringLiteralContext? context, IToken? anchor, string what)
        {
            var s = String(context, After(anchor));
            RequirePlain(s, what);
            return s;
        }
    }
}
