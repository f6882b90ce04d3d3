using System.Text.Json;
using MapLang.Host.Configuration;
using MapLang.Host.Flows;
using MapLang.Host.Observability;
using MapLang.Host.Runner;
using MapLang.Host.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Web;

/// <summary>
/// <c>POST /webhooks/{connector}/{event}</c>: checks the signature (401, nothing stored), the size (413) and the JSON (400, depth
/// limited), stores one run per flow the webhook starts — keyed by the flow's idempotency key — and answers 200 only after the
/// commit (503 when the store cannot commit, so the store's own retries deliver it again). A repeated key answers 200 "duplicate".
/// </summary>
public static class WebhookEndpoint
{
    public static void Map(IEndpointRouteBuilder app) => app.MapPost("/webhooks/{connector}/{event}", HandleAsync);

    private static async Task<IResult> HandleAsync(string connector, string @event, HttpContext http, FlowCatalog flows, IFlowStore store,
        WebhookGuards guards, WorkSignal signal, HostMetrics metrics, ILoggerFactory loggers, IntakePressure intake)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        using var burst = intake.Enter();
        var labels = $"{HostMetrics.Label("connector", connector)},{HostMetrics.Label("event", @event)}";
        IResult Done(string result, IResult reply)
        {
            metrics.Increment("maplang_webhooks_total", $"{labels},{HostMetrics.Label("result", result)}");
            metrics.Observe("maplang_webhook_ack_seconds", labels, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            return reply;
        }

        var targets = flows.ForWebhook(connector, @event);
        if (targets.Count == 0) return Done("unknown", Results.NotFound(new { error = $"No flow listens to {connector}/{@event}." }));

        var limit = guards.Limits.MaxBodyBytes;
        if (http.Request.ContentLength > limit) return Done("too_large", Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        if (http.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size) size.MaxRequestBodySize = limit;
        byte[] body;
        try
        {
            using var buffer = new MemoryStream();
            await http.Request.Body.CopyToAsync(buffer, http.RequestAborted);
            body = buffer.ToArray();
        }
        catch (BadHttpRequestException)
        {
            return Done("too_large", Results.StatusCode(StatusCodes.Status413PayloadTooLarge));
        }

        if (!guards.Verify(connector, http.Request.Headers, body)) return Done("unauthorized", Results.Unauthorized());

        if (IonBodReader.Takes(connector, http.Request.ContentType))
        {
            if (!IonBodReader.TryRead(body, @event, targets, guards.Limits.MaxDepth, out var bod, out var reason)) return Done("rejected", Results.BadRequest(new { error = reason }));
            body = bod;
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body, new JsonDocumentOptions { MaxDepth = guards.Limits.MaxDepth });
        }
        catch (JsonException)
        {
            return Done("rejected", Results.BadRequest(new { error = "The body is not JSON (or nests deeper than allowed)." }));
        }

        using (document)
        {
            var keys = new List<(string Flow, string Key)>();
            foreach (var flow in targets)
            {
                var key = JsonPath.Text(document.RootElement, flow.IdempotencyKey);
                if (string.IsNullOrEmpty(key))
                    return Done("rejected", Results.BadRequest(new { error = $"The payload has no '{flow.IdempotencyKey}' (the key of flow {flow.Name})." }));
                keys.Add((flow.Name, key));
            }
            var runs = new List<object>();
            try
            {
                var accepted = await Task.WhenAll(keys.Select(k => store.AcceptAsync(k.Flow, k.Key, body)));
                for (var i = 0; i < keys.Count; i++) runs.Add(new { flow = keys[i].Flow, run = accepted[i].RunId, duplicate = accepted[i].Duplicate });
                signal.Notify();
                var duplicate = accepted.All(a => a.Duplicate);
                return Done(duplicate ? "duplicate" : "accepted", Results.Ok(new { status = duplicate ? "duplicate" : "accepted", runs }));
            }
            catch (Exception e)
            {
                loggers.CreateLogger("MapLang.Host.Webhooks").LogError("Webhook {Connector}/{Event} could not be stored: {Message}", connector, @event, e.Message);
                return Done("unavailable", Results.StatusCode(StatusCodes.Status503ServiceUnavailable));
            }
        }
    }
}
