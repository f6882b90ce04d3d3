using System.Text.Json.Nodes;
using MapLang.Host.Connectors;
using MapLang.Host.Store;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Runner;

/// <summary>Sends the replies runs queued (order comments, statuses) with their own retries; a refused reply is kept as dead.</summary>
public sealed class OutboxWorker(IFlowStore store, ConnectorRegistry connectors, WorkerSettings settings, TimeProvider time, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var backoff = settings.Backoff;
        while (!stoppingToken.IsCancellationRequested)
        {
            IReadOnlyList<OutboxMessage> batch = [];
            try
            {
                batch = await store.ClaimOutboxAsync(16, time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                await Task.WhenAll(batch.Select(m => SendAsync(m, backoff, stoppingToken))).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                break;
            }
            catch (Exception e)
            {
                logger.LogError(e, "Outbox: could not take replies from the store");
            }
            if (batch.Count == 0)
            {
                try { await Task.Delay(TimeSpan.FromMilliseconds(Math.Max(100, settings.PollMs * 2)), time, stoppingToken).ConfigureAwait(false); }
                catch (OperationCanceledException) { break; }
            }
        }
    }

    private async Task SendAsync(OutboxMessage message, RetryBackoff backoff, CancellationToken ct)
    {
        try
        {
            var fields = JsonNode.Parse(message.Body) as JsonObject ?? [];
            await connectors.Get(message.Connector).ReplyAsync(message.Operation, message.TargetId, fields, ct).ConfigureAwait(false);
            await store.CompleteOutboxAsync(message.Id, CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            var dead = e is PermanentCallException || message.Attempts >= backoff.MaxAttempts;
            logger.LogWarning("Outbox reply {Id} ({Connector} {Operation}) failed{Dead}: {Message}", message.Id, message.Connector, message.Operation,
                dead ? " and is dead" : "", e.Message);
            await store.RetryOutboxAsync(message.Id, time.GetUtcNow() + backoff.Next(message.Attempts, (e as TransientCallException)?.RetryAfter), e.Message, dead,
                CancellationToken.None).ConfigureAwait(false);
        }
    }
}
