using System.Buffers;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Host.Connectors;
using MapLang.Host.Flows;
using MapLang.Host.Observability;
using MapLang.Host.Store;
using MapLang.Runtime;
using MapLang.Runtime.Mapping;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Runner;

/// <summary>
/// Runs the steps of one attempt. Every step's output is checkpointed (<c>step:{name}</c>) before the next step starts, and a
/// step with a checkpoint is not run again: a retried or resumed run picks up where it stopped, on the same mapped record.
/// Failures are thrown for <see cref="FlowWorker"/> to classify.
/// </summary>
public sealed class FlowRunner(IFlowStore store, ConnectorRegistry connectors, LookupService lookups, ILookupResolver? staticLookups,
    HostMetrics? metrics = null, ILogger<FlowRunner>? logger = null)
{
    private const int MaxLookupsPerMap = 32;

    public async Task RunAsync(RunAttempt attempt, CancellationToken ct) => await RunStepsAsync(attempt, attempt.Flow.Steps, "", ct).ConfigureAwait(false);

    private async Task RunStepsAsync(RunAttempt attempt, IReadOnlyList<FlowStep> steps, string scope, CancellationToken ct)
    {
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var name = scope + (step.Name ?? $"{i}");
            await RunStepAsync(attempt, step, name, ct).ConfigureAwait(false);
        }
    }

    private async Task RunStepAsync(RunAttempt attempt, FlowStep step, string name, CancellationToken ct)
    {
        var key = "step:" + name;
        switch (step)
        {
            case ForEachStep each:
                var items = attempt.Get(each.Items) as JsonArray ?? [];
                for (var i = 0; i < items.Count; i++)
                {
                    attempt.Variables[each.As] = items[i];
                    await RunStepsAsync(attempt, each.Steps, $"{name}[{i}].", ct).ConfigureAwait(false);
                }
                attempt.Variables.Remove(each.As);
                return;
            case ConditionStep condition:
                var branch = Holds(attempt, condition) ? condition.Then : condition.Else ?? [];
                await RunStepsAsync(attempt, branch, name + (ReferenceEquals(branch, condition.Then) ? ".then." : ".else."), ct).ConfigureAwait(false);
                return;
        }

        if (attempt.Checkpoints.Get(key) is { } done)
        {
            if (Output(step) is { } restored) attempt.Variables[restored] = JsonNode.Parse(done);
            return;
        }

        JsonNode? output = step switch
        {
            FetchStep fetch => await connectors.Get(fetch.Connector).FetchAsync(fetch.Operation, Required(attempt, fetch.Id), ct).ConfigureAwait(false),
            MapStep map => await MapAsync(attempt, map, ct).ConfigureAwait(false),
            CallStep call => Observe(attempt, call, name, await connectors.Get(call.Connector)
                .CallAsync(call.Operation, attempt.Get(call.Input) ?? throw new PermanentCallException($"Step '{name}': '{call.Input}' holds nothing."), attempt.Checkpoints, ct)
                .ConfigureAwait(false)),
            ReplyStep reply => await QueueReplyAsync(attempt, reply, name, ct).ConfigureAwait(false),
            _ => throw new InvalidOperationException($"Unknown step {step.GetType().Name}."),
        };
        await attempt.Checkpoints.SetAsync(key, output?.ToJsonString() ?? "null", ct).ConfigureAwait(false);
        if (Output(step) is { } variable) attempt.Variables[variable] = output;
    }

    /// <summary>A call the target answered with <c>{"skipped": reason}</c> (a stock write for an SKU the store does not list) is counted and logged.</summary>
    private JsonNode? Observe(RunAttempt attempt, CallStep call, string step, JsonNode? result)
    {
        if (result is JsonObject { Count: 1 } answer && answer["skipped"]?.GetValueKind() == JsonValueKind.String)
        {
            metrics?.Increment("maplang_calls_skipped_total", $"{HostMetrics.Label("target", call.Connector)},{HostMetrics.Label("operation", call.Operation)}");
            logger?.LogInformation("Run {Run} of flow {Flow}, step {Step}: {Connector} {Operation} skipped: {Reason}",
                attempt.Run.Id, attempt.Flow.Name, step, call.Connector, call.Operation, answer["skipped"]!.GetValue<string>());
        }
        return result;
    }

    private static string? Output(FlowStep step) => step switch
    {
        FetchStep f => f.Output,
        MapStep m => m.Output,
        CallStep c => c.Output,
        _ => null,
    };

    private static string Required(RunAttempt attempt, string path) =>
        JsonPath.Text(attempt.Get(path)) ?? throw new PermanentCallException($"The payload has no value at '{path}'.");

    private static bool Holds(RunAttempt attempt, ConditionStep condition)
    {
        var value = attempt.Get(condition.Path);
        if (condition.EqualTo is { } expected) return JsonPath.Text(value) == expected;
        return value switch
        {
            null => false,
            JsonValue v when v.GetValueKind() == JsonValueKind.False => false,
            JsonValue v when v.GetValueKind() == JsonValueKind.String => v.GetValue<string>().Length > 0,
            JsonArray a => a.Count > 0,
            _ => true,
        };
    }

    /// <summary>
    /// Maps, resolving lookups as they come: the map stops at the first unknown lookup, the host resolves it (a checkpoint), and the
    /// map runs again from the start — maps are pure, so running one again is harmless.
    /// </summary>
    private async Task<JsonNode?> MapAsync(RunAttempt attempt, MapStep step, CancellationToken ct)
    {
        var mapper = attempt.Mappers.Find(step.Mapper)
                     ?? throw new MappingException($"There is no map '{step.Mapper}' (maps: {string.Join(", ", attempt.Mappers.Names)}).");
        var input = attempt.Get(step.Input) ?? throw new MappingException($"The map input '{step.Input}' holds nothing.");
        var source = JsonSerializer.SerializeToUtf8Bytes(input);
        var resolver = new RecordedLookupResolver(attempt.Checkpoints, n => LookupService.Find(attempt.Flow, n) is not null, staticLookups);
        for (var round = 0; round < MaxLookupsPerMap; round++)
        {
            var buffer = new ArrayBufferWriter<byte>(source.Length);
            try
            {
                using (var writer = new Utf8JsonWriter(buffer)) mapper.Map(source, writer, new MapContext(resolver));
                return JsonNode.Parse(buffer.WrittenSpan);
            }
            catch (LookupPendingException pending)
            {
                var definition = LookupService.Find(attempt.Flow, pending.Name)!;
                var newRecord = definition.Mapper is { } m ? MapOnce(attempt, m, definition.Input ?? step.Input) : null;
                var value = await lookups.ResolveAsync(definition, pending.Key, newRecord, attempt.Checkpoints, ct).ConfigureAwait(false);
                await attempt.Checkpoints.SetAsync(RecordedLookupResolver.Key(pending.Name, pending.Key), value, ct).ConfigureAwait(false);
            }
        }
        throw new MappingException($"Map '{step.Mapper}' asked for more than {MaxLookupsPerMap} lookups.");
    }

    private static JsonObject? MapOnce(RunAttempt attempt, string mapperName, string input)
    {
        var mapper = attempt.Mappers.Find(mapperName) ?? throw new MappingException($"There is no map '{mapperName}' for the lookup's new record.");
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer))
            mapper.Map(JsonSerializer.SerializeToUtf8Bytes(attempt.Get(input)), writer, MapContext.Empty);
        return JsonNode.Parse(buffer.WrittenSpan) as JsonObject;
    }

    private async Task<JsonNode?> QueueReplyAsync(RunAttempt attempt, ReplyStep reply, string name, CancellationToken ct)
    {
        JsonObject body;
        if (reply.Input is { } input)
            body = attempt.Get(input) as JsonObject ?? throw new PermanentCallException($"Step '{name}': '{input}' holds no record to reply with.");
        else
        {
            body = new JsonObject();
            foreach (var (field, template) in reply.Fields ?? new Dictionary<string, string>()) body[field] = attempt.Expand(template);
        }
        var target = Required(attempt, reply.Id);
        await store.EnqueueOutboxAsync(attempt.Run.Id, name, reply.Connector, reply.Operation, target, body.ToJsonString(), ct).ConfigureAwait(false);
        return null;
    }
}
