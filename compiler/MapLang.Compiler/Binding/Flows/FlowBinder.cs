using System.Text;
using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Binding.Flows;

/// <summary>
/// Checks a flow as maps are checked: one trigger and one key; each path starts with a variable defined before it
/// (<c>payload</c> or an earlier step's output) and, where the type is known, names fields of the entity; a map step
/// names a map whose source is its input's entity; a call to an entity's writer is given a record of that entity.
/// Returns the flow in the host's terms, or null when something is wrong (the diagnostics say what).
/// </summary>
public sealed class FlowBinder
{
    public const string Payload = "payload";

    private readonly BindingContext _normal;
    private BindingContext _context;
    private readonly IReadOnlyDictionary<string, MapSymbol> _maps;
    private readonly FlowSyntax _flow;
    private int _errors;

    private FlowBinder(FlowSyntax flow, BindingContext context, IReadOnlyDictionary<string, MapSymbol> maps)
    {
        _flow = flow;
        _context = _normal = context;
        _maps = maps;
    }

    /// <param name="maps">Every map of the compilation by name: flows name maps of any file, as the host finds them by name.</param>
    public static BoundFlow? Bind(FlowSyntax flow, BindingContext context, IReadOnlyDictionary<string, MapSymbol> maps) =>
        new FlowBinder(flow, context, maps).Bind();

    /// <summary>
    /// Binds a member of the flow; a member the parser had to repair (a syntax error from its start to the next member's)
    /// would only give follow-on errors, so it is bound reporting nothing.
    /// </summary>
    private T Member<T>(FlowMemberSyntax member, Func<T> bind)
    {
        var index = -1;
        for (var i = 0; i < _flow.Members.Count; i++)
            if (ReferenceEquals(_flow.Members[i], member)) index = i;
        var start = member.Span.Start;
        var end = index >= 0 && index + 1 < _flow.Members.Count ? _flow.Members[index + 1].Span.Start : _flow.Span.End;
        var repaired = _normal.File.Tree.Diagnostics.Any(d => d.IsError && d.Span.Start >= start && d.Span.Start < Math.Max(end, start + 1));
        if (!repaired) return bind();
        _context = _normal.Silent();
        try { return bind(); }
        finally { _context = _normal; }
    }

    private sealed record Variable(string Name, FlowValueType Type, TextSpan? DeclaredAt);

    private sealed class Scope(Scope? parent)
    {
        private readonly Dictionary<string, Variable> _variables = new(StringComparer.Ordinal);

        public Variable? Find(string name) => _variables.GetValueOrDefault(name) ?? parent?.Find(name);
        public void Add(Variable variable) => _variables[variable.Name] = variable;
        public IEnumerable<string> Names => _variables.Keys.Concat(parent?.Names ?? []);
    }

    private BoundFlow? Bind()
    {
        var name = _flow.Name.Text;
        FlowTriggerSyntax? trigger = null;
        FlowKeySyntax? key = null;
        foreach (var member in _flow.Members)
        {
            switch (member)
            {
                case FlowTriggerSyntax t when trigger is not null:
                    Report(DiagnosticCatalog.DuplicateTrigger, t.Span, name, Line(trigger.Span));
                    break;
                case FlowTriggerSyntax t:
                    trigger = t;
                    break;
                case FlowKeySyntax k when key is not null:
                    Report(DiagnosticCatalog.DuplicateKey, k.Span, name, Line(key.Span));
                    break;
                case FlowKeySyntax k:
                    key = k;
                    break;
            }
        }
        if (!_flow.Name.IsMissing)
        {
            if (trigger is null) Report(DiagnosticCatalog.FlowWithoutTrigger, _flow.Name.Span, name);
            if (key is null) Report(DiagnosticCatalog.FlowWithoutKey, _flow.Name.Span, name);
            if (!_flow.Members.OfType<FlowStepSyntax>().Any()) Report(DiagnosticCatalog.FlowWithoutSteps, _flow.Name.Span, name);
        }

        var payloadType = FlowValueType.Unknown;
        var boundTrigger = trigger is null ? null : Member(trigger, () => BindTrigger(trigger, out payloadType));
        var scope = new Scope(null);
        scope.Add(new Variable(Payload, payloadType, null));

        var keyPath = key is null ? null : Member(key, () => BindKey(key, payloadType));
        var lookups = _flow.Members.OfType<FlowLookupSyntax>().Select(l => Member(l, () => BindLookup(l))).ToArray();
        var steps = new List<BoundFlowStep>();
        var stepsBound = true;
        foreach (var step in _flow.Members.OfType<FlowStepSyntax>())
        {
            if (Member(step, () => BindStep(step, scope)) is { } bound) steps.Add(bound);
            else stepsBound = false;
        }

        if (_errors > 0 || _flow.Name.IsMissing || boundTrigger is null || keyPath is null || !stepsBound || lookups.Any(l => l is null)) return null;
        return new BoundFlow(name, boundTrigger, keyPath, steps, lookups!, _flow, _context.FilePath);
    }

    // ------------------------------------------------------------ trigger, key, lookups

    private BoundFlowTrigger? BindTrigger(FlowTriggerSyntax trigger, out FlowValueType payload)
    {
        payload = FlowValueType.Unknown;
        var resolved = true;
        if (trigger.Entity is { } entityName)
        {
            if (EntityResolver.Resolve(entityName, _context) is { } entity) payload = new RecordFlowType(entity, IsSource: true);
            else resolved = false;
        }
        var interval = 0;
        if (trigger.Kind == FlowTriggerKind.Schedule && trigger.Interval is { } number)
        {
            if (!number.IsInteger || number.Value < 1 || number.Value > int.MaxValue)
                Report(DiagnosticCatalog.InvalidInterval, number.Span, number.Text);
            else
                interval = (int)number.Value;
        }
        if (!resolved || trigger.Kind == FlowTriggerKind.Missing || trigger.Connection is { IsMissing: true } || trigger.Address.PlainValue.Length == 0
            || trigger.Kind == FlowTriggerKind.Schedule && interval == 0)
            return null;
        if (trigger.Parameters is { } parameters && parameters.Any(p => p.Name.IsMissing)) return null;
        return new BoundFlowTrigger(trigger.Kind, trigger.Connection?.Text ?? "", trigger.Address.PlainValue, interval,
            trigger.Parameters?.Select(p => KeyValuePair.Create(p.Name.Text, p.Value.PlainValue)).ToList(),
            trigger.Kind == FlowTriggerKind.Ion && payload is RecordFlowType bod ? BodLists.Of(bod.Entity, _context.Schemas) : null);
    }

    private string? BindKey(FlowKeySyntax key, FlowValueType payload)
    {
        var path = key.Path.Parts.Count == 0 ? null : BindPath(key.Path.Parts, payload, Payload);
        if (path is null) return null;
        if (path.Value.Type is RecordFlowType or ListFlowType)
        {
            Report(DiagnosticCatalog.KeyNotScalar, key.Path.Span, key.Path.Text, path.Value.Type.Display);
            return null;
        }
        // The host reads the key from the payload itself: the path without the variable.
        return path.Value.Wire[(Payload.Length + 1)..];
    }

    private BoundFlowLookup? BindLookup(FlowLookupSyntax lookup)
    {
        var parts = lookup.Field.Parts;
        if (parts.Count == 0 || parts.Any(p => p.IsMissing) || lookup.Connection.IsMissing || lookup.Operation.PlainValue.Length == 0) return null;
        var entityName = parts.Count > 1
            ? new QualifiedNameSyntax(parts.Take(parts.Count - 1).ToArray(), TextSpan.FromBounds(parts[0].Span.Start, parts[^2].Span.End))
            : lookup.Field;
        if (EntityResolver.Resolve(entityName, _context) is not { } entity) return null;
        var fieldName = parts[^1];
        if (parts.Count == 1 || entity.FindField(fieldName.Text) is null)
        {
            var suggestions = Suggestions.Closest(fieldName.Text, entity.Fields.Select(f => f.Name));
            _context.Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownField, fieldName.Span, suggestions, entity.QualifiedName, fieldName.Text, Suggestions.Phrase(suggestions));
            _errors++;
            return null;
        }
        var defaults = lookup.Defaults?.Where(d => !d.Name.IsMissing).Select(d => KeyValuePair.Create(d.Name.Text, d.Value.PlainValue)).ToArray();
        return new BoundFlowLookup(lookup.Field.Text, lookup.Connection.Text, lookup.Operation.PlainValue, defaults);
    }

    // ------------------------------------------------------------ steps

    private List<BoundFlowStep>? BindSteps(IEnumerable<FlowStepSyntax> steps, Scope scope)
    {
        var bound = new List<BoundFlowStep>();
        var ok = true;
        foreach (var step in steps)
        {
            if (BindStep(step, scope) is { } s) bound.Add(s);
            else ok = false;
        }
        return ok ? bound : null;
    }

    private BoundFlowStep? BindStep(FlowStepSyntax step, Scope scope)
    {
        switch (step)
        {
            case FetchStepSyntax fetch:
            {
                var id = BindPath(fetch.Id.Parts, scope);
                var type = fetch.Entity is { } e && EntityResolver.Resolve(e, _context) is { } entity ? new RecordFlowType(entity, true) : FlowValueType.Unknown;
                var output = Define(fetch.Output, type, scope);
                if (id is null || output is null || fetch.Connection.IsMissing || fetch.Operation.PlainValue.Length == 0 || fetch.Entity is { } && type is UnknownFlowType) return null;
                return new BoundFetchStep(fetch.Connection.Text, fetch.Operation.PlainValue, id.Value.Wire, output);
            }
            case MapStepSyntax map:
            {
                var input = BindPath(map.Input.Parts, scope);
                MapSymbol? symbol = null;
                if (!map.Mapper.IsMissing)
                {
                    if (_maps.TryGetValue(map.Mapper.Text, out symbol))
                        _context.References.Add(new SymbolUse(symbol, map.Mapper.Span));
                    else
                    {
                        var suggestions = Suggestions.Closest(map.Mapper.Text, _maps.Keys);
                        _context.Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownMap, map.Mapper.Span, suggestions, map.Mapper.Text, Suggestions.Phrase(suggestions));
                        _errors++;
                    }
                }
                if (symbol?.Source is { } source && input is { Type: not UnknownFlowType } i
                    && !(i.Type is RecordFlowType r && r.Entity.QualifiedName == source.QualifiedName))
                    Report(DiagnosticCatalog.MapSourceMismatch, map.Input.Span, symbol.Name, source.QualifiedName, i.Type.Display);
                var type = symbol?.Target is { } target ? new RecordFlowType(target, IsSource: false) : FlowValueType.Unknown;
                var output = Define(map.Output, type, scope);
                if (input is null || symbol is null || output is null) return null;
                return new BoundMapStep(symbol.Name, input.Value.Wire, output);
            }
            case CallStepSyntax call:
            {
                var input = BindPath(call.Input.Parts, scope);
                var operation = call.Operation.PlainValue;
                if (input is { Type: not UnknownFlowType } i && WrittenEntity(operation) is { } written
                    && !(i.Type is RecordFlowType r && r.Entity.QualifiedName == written.QualifiedName))
                    Report(DiagnosticCatalog.CallInputMismatch, call.Input.Span, written.QualifiedName, call.Input.Text, i.Type.Display);
                var output = call.Output is null ? null : Define(call.Output, FlowValueType.Unknown, scope);
                if (input is null || call.Output is not null && output is null || call.Connection.IsMissing || operation.Length == 0) return null;
                return new BoundCallStep(call.Connection.Text, operation, input.Value.Wire, output);
            }
            case ForEachStepSyntax each:
            {
                var items = BindPath(each.Items.Parts, scope);
                var element = FlowValueType.Unknown;
                if (items is { Type: ListFlowType list }) element = list.Element;
                else if (items is { Type: not UnknownFlowType } notList)
                    Report(DiagnosticCatalog.NotAList, each.Items.Span, "for each", notList.Type.Display);
                var inner = new Scope(scope);
                var item = Define(each.Item, element, inner);
                var steps = BindSteps(each.Steps, inner);
                if (items is null || item is null || steps is null) return null;
                return new BoundForEachStep(items.Value.Wire, item, steps);
            }
            case IfStepSyntax condition:
            {
                var path = BindPath(condition.Path.Parts, scope);
                var then = BindSteps(condition.Then, new Scope(scope));
                var otherwise = condition.Else is null ? [] : BindSteps(condition.Else, new Scope(scope));
                if (path is null || then is null || otherwise is null) return null;
                return new BoundIfStep(path.Value.Wire, condition.EqualTo?.PlainValue, then, condition.Else is null ? null : otherwise);
            }
            case ReplyStepSyntax reply:
            {
                var id = BindPath(reply.Id.Parts, scope);
                if (reply.Input is { } body)
                {
                    var input = BindPath(body.Parts, scope);
                    if (input is { Type: not UnknownFlowType and not RecordFlowType } notRecord)
                        Report(DiagnosticCatalog.ReplyInputNotRecord, body.Span, body.Text, notRecord.Type.Display);
                    if (id is null || input is null || reply.Connection.IsMissing || reply.Operation.PlainValue.Length == 0) return null;
                    return new BoundReplyStep(reply.Connection.Text, reply.Operation.PlainValue, id.Value.Wire, [], input.Value.Wire);
                }
                var fields = new List<KeyValuePair<string, string>>();
                var ok = true;
                foreach (var field in reply.Fields)
                {
                    if (Template(field.Value, scope) is { } template) fields.Add(KeyValuePair.Create(field.Name.Text, template));
                    else ok = false;
                }
                if (id is null || !ok || reply.Connection.IsMissing || reply.Operation.PlainValue.Length == 0 || reply.Fields.Any(f => f.Name.IsMissing)) return null;
                return new BoundReplyStep(reply.Connection.Text, reply.Operation.PlainValue, id.Value.Wire, fields);
            }
            default:
                return null;
        }
    }

    /// <summary>The entity an operation such as <c>M3.OIS100</c> writes, when the operation names one.</summary>
    private Schemas.Model.EntitySchema? WrittenEntity(string operation)
    {
        var dot = operation.IndexOf('.', StringComparison.Ordinal);
        if (dot <= 0) return null;
        return _context.Schemas.FindSystem(operation[..dot])?.FindEntity(operation[(dot + 1)..]);
    }

    /// <summary>A reply field as a host template: text with <c>{variable.path}</c> holes, each checked as a path.</summary>
    private string? Template(StringExpressionSyntax value, Scope scope)
    {
        var sb = new StringBuilder();
        var ok = true;
        foreach (var part in value.Parts)
        {
            switch (part)
            {
                case StringTextSyntax text:
                    sb.Append(text.Value);
                    break;
                case InterpolationSyntax hole:
                    if (PathParts(hole.Expression) is not { } parts)
                    {
                        if (hole.Expression is not MissingExpressionSyntax) Report(DiagnosticCatalog.TemplateHoleNotPath, hole.Expression.Span, "{result.ORNO}");
                        ok = false;
                        break;
                    }
                    if (BindPath(parts, scope) is { } path) sb.Append('{').Append(path.Wire).Append('}');
                    else ok = false;
                    break;
            }
        }
        return ok ? sb.ToString() : null;
    }

    private static List<NameSyntax>? PathParts(ExpressionSyntax expression)
    {
        switch (expression)
        {
            case NameExpressionSyntax name:
                return [name.Name];
            case MemberExpressionSyntax { IsNullSafe: false } member when PathParts(member.Target) is { } parts:
                parts.Add(member.Member);
                return parts;
            default:
                return null;
        }
    }

    // ------------------------------------------------------------ variables and paths

    private string? Define(NameSyntax name, FlowValueType type, Scope scope)
    {
        if (name.IsMissing) return null;
        if (scope.Find(name.Text) is { } existing)
        {
            Report(DiagnosticCatalog.DuplicateVariable, name.Span, name.Text,
                existing.DeclaredAt is { } at ? $"line {Line(at)}" : "it is the trigger's message");
            return null;
        }
        scope.Add(new Variable(name.Text, type, name.Span));
        return name.Text;
    }

    private (string Wire, FlowValueType Type)? BindPath(IReadOnlyList<NameSyntax> parts, Scope scope)
    {
        if (parts.Count == 0 || parts.Any(p => p.IsMissing)) return null;
        var first = parts[0];
        if (scope.Find(first.Text) is not { } variable)
        {
            var suggestions = Suggestions.Closest(first.Text, scope.Names);
            _context.Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownVariable, first.Span, suggestions, first.Text, Suggestions.Phrase(suggestions));
            _errors++;
            return null;
        }
        return BindPath(parts.Skip(1).ToArray(), variable.Type, variable.Name);
    }

    /// <summary>Walks the fields of <paramref name="type"/>; the wire path uses each field's name on the wire.</summary>
    private (string Wire, FlowValueType Type)? BindPath(IReadOnlyList<NameSyntax> parts, FlowValueType type, string start)
    {
        if (parts.Any(p => p.IsMissing)) return null;
        var wire = new StringBuilder(start);
        var written = start;
        foreach (var part in parts)
        {
            switch (type)
            {
                case RecordFlowType record:
                    if (record.Find(part.Text) is not { } field)
                    {
                        var suggestions = Suggestions.Closest(part.Text, record.Fields.Select(f => f.Name));
                        _context.Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownField, part.Span, suggestions, record.Display, part.Text, Suggestions.Phrase(suggestions));
                        _errors++;
                        return null;
                    }
                    wire.Append('.').Append(field.WireName);
                    type = FlowValueType.Of(field.Type, record.Entity, _context.Schemas, record.IsSource);
                    break;
                case ListFlowType:
                    Report(DiagnosticCatalog.PayloadIsList, part.Span, written, type.Display);
                    return null;
                case ValueFlowType:
                    Report(DiagnosticCatalog.NoFields, part.Span, $"'{written}' ({type.Display})");
                    return null;
                default:
                    wire.Append('.').Append(part.Text);
                    break;
            }
            written += "." + part.Text;
        }
        return (wire.ToString(), type);
    }

    private void Report(DiagnosticDescriptor descriptor, TextSpan span, params object?[] args)
    {
        _context.Diagnostics.Report(descriptor, span, args);
        _errors++;
    }

    private int Line(TextSpan span) => _context.Diagnostics.Text.GetPosition(span.Start).Line + 1;
}
