using System.Text.Json;
using System.Text.Json.Serialization;

namespace MapLang.Host.Flows;

/// <summary>Reads flows from the <c>flows</c> array of the host configuration (see docs/host.md), or as the compiler writes them from .map files, and checks them.</summary>
public static class FlowLoader
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        AllowOutOfOrderMetadataProperties = true,
        ReadCommentHandling = JsonCommentHandling.Skip,
        AllowTrailingCommas = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Flows from a JSON array, e.g. the compiler's flow JSON (flows written in .map files).</summary>
    public static IReadOnlyList<FlowDefinition> Load(string json)
    {
        using var doc = JsonDocument.Parse(json);
        return Load(doc.RootElement);
    }

    public static IReadOnlyList<FlowDefinition> Load(JsonElement flows)
    {
        var list = flows.Deserialize<List<FlowDefinition>>(Options) ?? [];
        var problems = new List<string>();
        foreach (var duplicate in list.GroupBy(f => f.Name).Where(g => g.Count() > 1)) problems.Add($"flow '{duplicate.Key}' is defined twice");
        foreach (var flow in list)
        {
            if (string.IsNullOrWhiteSpace(flow.Name)) problems.Add("a flow has no name");
            if (flow.Trigger is null) problems.Add($"flow '{flow.Name}' has no trigger");
            if (string.IsNullOrWhiteSpace(flow.IdempotencyKey)) problems.Add($"flow '{flow.Name}' has no idempotencyKey");
            if (flow.Steps is null || flow.Steps.Count == 0) problems.Add($"flow '{flow.Name}' has no steps");
        }
        if (problems.Count > 0) throw new FormatException("The flows are not valid: " + string.Join("; ", problems) + ".");
        return list;
    }
}
