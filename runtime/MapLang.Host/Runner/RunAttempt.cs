using System.Text.Json.Nodes;
using MapLang.Host.Flows;
using MapLang.Host.Mapping;
using MapLang.Host.Store;

namespace MapLang.Host.Runner;

/// <summary>The state of one attempt at a run: its flow, the mapper version it started with, variables and checkpoints.</summary>
public sealed class RunAttempt(FlowRun run, FlowDefinition flow, MapperSet mappers, RunCheckpoints checkpoints, JsonNode? payload)
{
    public FlowRun Run { get; } = run;
    public FlowDefinition Flow { get; } = flow;
    public MapperSet Mappers { get; } = mappers;
    public RunCheckpoints Checkpoints { get; } = checkpoints;
    public Dictionary<string, JsonNode?> Variables { get; } = new(StringComparer.Ordinal) { ["payload"] = payload };

    public JsonNode? Get(string path)
    {
        var dot = path.IndexOf('.');
        var name = dot < 0 ? path : path[..dot];
        return Variables.TryGetValue(name, out var root) ? JsonPath.Select(root, dot < 0 ? "" : path[(dot + 1)..]) : null;
    }

    /// <summary>Replaces <c>{path}</c> in a template with the value at the path.</summary>
    public string Expand(string template)
    {
        var sb = new System.Text.StringBuilder();
        var i = 0;
        while (i < template.Length)
        {
            var open = template.IndexOf('{', i);
            var close = open < 0 ? -1 : template.IndexOf('}', open);
            if (open < 0 || close < 0)
            {
                sb.Append(template, i, template.Length - i);
                break;
            }
            sb.Append(template, i, open - i);
            sb.Append(JsonPath.Text(Get(template[(open + 1)..close])) ?? "");
            i = close + 1;
        }
        return sb.ToString();
    }
}
