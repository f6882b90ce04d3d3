using System.Text.Json.Nodes;
using MapLang.Host.Connectors;
using MapLang.Host.Mapping;
using MapLang.Host.Observability;
using MapLang.Host.Store;
using MapLang.Runtime;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace MapLang.Host.Runner;

/// <summary>
/// Takes due runs from the store and runs them, up to <see cref="WorkerSettings.Concurrency"/> at once. Outcomes:
/// done; a transient failure waits (backoff, at least the target's Retry-After) and is tried again; a mapping error, a refusal or
/// an ambiguous match goes to the dead letters with its reason, as does a run that fails <see cref="WorkerSettings.MaxAttempts"/> times.
/// </summary>
/// <remarks>It also runs the <see cref="SchedulePoller"/> beside it (the host's service registration is being reworked elsewhere; the poller
/// belongs to the same lifetime as the workers that take its runs).</remarks>
public sealed class FlowWorker(IFlowStore store, FlowCatalog flows, MapperCatalog mappers, FlowRunner runner, WorkSignal signal,
    WorkerSettings settings, HostMetrics metrics, TimeProvider time, ILogger<FlowWorker> logger, ConnectorRegistry connectors, ILoggerFactory loggers,
    IntakePressure intake)
    : BackgroundService
{
    private int _running;

    public int Running => Volatile.Read(ref _running);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var inFlight = new List<Task>();
        var backoff = settings.Backoff;
        var poller = new SchedulePoller(store, flows, connectors, signal, metrics, time, loggers.CreateLogger<SchedulePoller>()).RunAsync(stoppingToken);
        while (!stoppingToken.IsCancellationRequested)
        {
            inFlight.RemoveAll(t => t.IsCompleted);
            var concurrency = settings.ConcurrencyFor(intake.InFlight);
            var free = concurrency - inFlight.Count;
            IReadOnlyList<FlowRun> claimed = [];
            if (free > 0)
            {
                try
                {
                    claimed = await store.ClaimAsync(free, time.GetUtcNow(), stoppingToken).ConfigureAwait(false);
                }
                catch (Exception e) when (!stoppingToken.IsCancellationRequested)
                {
                    logger.LogError(e, "Could not take runs from the store");
                }
            }
            foreach (var run in claimed) inFlight.Add(Task.Run(() => AttemptAsync(run, backoff, stoppingToken), CancellationToken.None));
            if (claimed.Count == free && free > 0) continue;
            var wait = TimeSpan.FromMilliseconds(settings.PollMs);
            try
            {
                if (inFlight.Count > 0 && inFlight.Count >= concurrency) await Task.WhenAny(inFlight).WaitAsync(wait, stoppingToken).ConfigureAwait(false);
                else await signal.WaitAsync(wait, stoppingToken).ConfigureAwait(false);
            }
            catch (TimeoutException) { }
            catch (OperationCanceledException) { break; }
        }
        await Task.WhenAll(inFlight).ConfigureAwait(false);
        await poller.ConfigureAwait(false);
    }

    private async Task AttemptAsync(FlowRun run, RetryBackoff backoff, CancellationToken stoppingToken)
    {
        Interlocked.Increment(ref _running);
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var flowLabel = HostMetrics.Label("flow", run.Flow);
        metrics.Increment("maplang_runs_started_total", flowLabel);
        try
        {
            var flow = flows.Find(run.Flow);
            if (flow is null)
            {
                await DeadAsync(run, $"The flow '{run.Flow}' is not configured any more.").ConfigureAwait(false);
                return;
            }
            var checkpoints = new RunCheckpoints(store, run.Id, await store.LoadCheckpointsAsync(run.Id, stoppingToken).ConfigureAwait(false));
            var attempt = new RunAttempt(run, flow, mappers.Current, checkpoints, JsonNode.Parse(run.Payload));
            await runner.RunAsync(attempt, stoppingToken).ConfigureAwait(false);
            await store.CompleteAsync(run.Id, CancellationToken.None).ConfigureAwait(false);
            metrics.Increment("maplang_runs_completed_total", flowLabel);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            await store.RetryLaterAsync(run.Id, time.GetUtcNow(), "The host stopped during the run.", CancellationToken.None).ConfigureAwait(false);
        }
        catch (MappingException e)
        {
            await DeadAsync(run, "Mapping failed: " + e.Message).ConfigureAwait(false);
        }
        catch (System.Text.Json.JsonException e)
        {
            await DeadAsync(run, "The payload is not valid JSON: " + e.Message).ConfigureAwait(false);
        }
        catch (PermanentCallException e)
        {
            await DeadAsync(run, "Refused: " + e.Message).ConfigureAwait(false);
        }
        catch (AmbiguousOutcomeException e)
        {
            await DeadAsync(run, "Ambiguous, a person must decide: " + e.Message).ConfigureAwait(false);
        }
        catch (Exception e)
        {
            var reason = e is TransientCallException ? e.Message : $"{e.GetType().Name}: {e.Message}";
            if (run.Attempts >= backoff.MaxAttempts)
            {
                await DeadAsync(run, $"Gave up after {run.Attempts} attempts: {reason}").ConfigureAwait(false);
                return;
            }
            var delay = backoff.Next(run.Attempts, (e as TransientCallException)?.RetryAfter);
            metrics.Increment("maplang_runs_failed_total", flowLabel);
            logger.LogWarning("Run {RunId} of {Flow} failed (attempt {Attempt}), retrying in {Delay} ms: {Reason}", run.Id, run.Flow, run.Attempts,
                (int)delay.TotalMilliseconds, reason);
            try
            {
                await store.RetryLaterAsync(run.Id, time.GetUtcNow() + delay, reason, CancellationToken.None).ConfigureAwait(false);
            }
            catch (Exception storeError)
            {
                logger.LogError(storeError, "Run {RunId}: could not record the failure; it will be taken again after a restart", run.Id);
            }
        }
        finally
        {
            metrics.Observe("maplang_run_seconds", flowLabel, System.Diagnostics.Stopwatch.GetElapsedTime(started));
            Interlocked.Decrement(ref _running);
        }
    }

    private async Task DeadAsync(FlowRun run, string reason)
    {
        metrics.Increment("maplang_dead_letters_total", HostMetrics.Label("flow", run.Flow));
        logger.LogError("Run {RunId} of {Flow} dead-lettered: {Reason}", run.Id, run.Flow, reason);
        await store.DeadLetterAsync(run.Id, reason, CancellationToken.None).ConfigureAwait(false);
    }
}
