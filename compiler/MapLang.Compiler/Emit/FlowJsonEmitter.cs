using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using MapLang.Compiler.Binding.Flows;
using MapLang.Compiler.Syntax;

namespace MapLang.Compiler.Emit;

/// <summary>
/// Writes checked flows as the host's flow JSON (the <c>flows</c> array of maplang.json, read by the host's FlowLoader:
/// <c>"kind"</c> and <c>"step"</c> first), so the host needs no compiler types.
/// </summary>
public static class FlowJsonEmitter
{
    public static string Emit(IReadOnlyList<BoundFlow> flows)
    {
        var buffer = new MemoryStream();
        using (var w = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            w.WriteStartArray();
            foreach (var flow in flows) Flow(w, flow);
            w.WriteEndArray();
        }
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n", StringComparison.Ordinal) + "\n";
    }

    private static void Flow(Utf8JsonWriter w, BoundFlow flow)
    {
        w.WriteStartObject();
        w.WriteString("name", flow.Name);
        w.WriteStartObject("trigger");
        switch (flow.Trigger.Kind)
        {
            case FlowTriggerKind.Webhook:
                w.WriteString("kind", "webhook");
                w.WriteString("connector", flow.Trigger.Connection);
                w.WriteString("event", flow.Trigger.Address);
                break;
            case FlowTriggerKind.Schedule:
                w.WriteString("kind", "schedule");
                w.WriteString("connector", flow.Trigger.Connection);
                w.WriteString("operation", flow.Trigger.Address);
                w.WriteNumber("intervalSeconds", flow.Trigger.IntervalSeconds);
                if (flow.Trigger.Parameters is { } parameters) Fields(w, "parameters", parameters);
                break;
            default:
                w.WriteString("kind", "ionBod");
                w.WriteString("noun", flow.Trigger.Address);
                if (flow.Trigger.Lists is { Count: > 0 } lists)
                {
                    w.WriteStartArray("lists");
                    foreach (var list in lists) w.WriteStringValue(list);
                    w.WriteEndArray();
                }
                break;
        }
        w.WriteEndObject();
        w.WriteString("idempotencyKey", flow.IdempotencyKey);
        if (flow.Lookups.Count > 0)
        {
            w.WriteStartArray("lookups");
            foreach (var lookup in flow.Lookups)
            {
                w.WriteStartObject();
                w.WriteString("field", lookup.Field);
                w.WriteString("connector", lookup.Connection);
                w.WriteString("operation", lookup.Operation);
                if (lookup.Defaults is { } defaults) Fields(w, "defaults", defaults);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        Steps(w, "steps", flow.Steps);
        w.WriteEndObject();
    }

    private static void Steps(Utf8JsonWriter w, string property, IReadOnlyList<BoundFlowStep> steps)
    {
        w.WriteStartArray(property);
        foreach (var step in steps) Step(w, step);
        w.WriteEndArray();
    }

    private static void Step(Utf8JsonWriter w, BoundFlowStep step)
    {
        w.WriteStartObject();
        w.WriteString("step", step switch
        {
            BoundFetchStep => "fetch",
            BoundMapStep => "map",
            BoundCallStep => "call",
            BoundForEachStep => "forEach",
            BoundIfStep => "if",
            _ => "reply",
        });
        if (step.Name is { } name) w.WriteString("name", name);
        switch (step)
        {
            case BoundFetchStep f:
                w.WriteString("connector", f.Connection);
                w.WriteString("operation", f.Operation);
                w.WriteString("id", f.Id);
                w.WriteString("output", f.Output);
                break;
            case BoundMapStep m:
                w.WriteString("mapper", m.Mapper);
                w.WriteString("input", m.Input);
                w.WriteString("output", m.Output);
                break;
            case BoundCallStep c:
                w.WriteString("connector", c.Connection);
                w.WriteString("operation", c.Operation);
                w.WriteString("input", c.Input);
                if (c.Output is { } output) w.WriteString("output", output);
                break;
            case BoundForEachStep e:
                w.WriteString("items", e.Items);
                w.WriteString("as", e.Item);
                Steps(w, "steps", e.Steps);
                break;
            case BoundIfStep i:
                w.WriteString("path", i.Path);
                if (i.EqualTo is { } equalTo) w.WriteString("equalTo", equalTo);
                Steps(w, "then", i.Then);
                if (i.Else is { } otherwise) Steps(w, "else", otherwise);
                break;
            case BoundReplyStep r:
                w.WriteString("connector", r.Connection);
                w.WriteString("operation", r.Operation);
                w.WriteString("id", r.Id);
                if (r.Input is { } input) w.WriteString("input", input);
                else Fields(w, "fields", r.Fields);
                break;
        }
        w.WriteEndObject();
    }

    private static void Fields(Utf8JsonWriter w, string property, IReadOnlyList<KeyValuePair<string, string>> fields)
    {
        w.WriteStartObject(property);
        foreach (var (key, value) in fields) w.WriteString(key, value);
        w.WriteEndObject();
    }
}
