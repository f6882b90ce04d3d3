using System.Net;
using System.Net.Sockets;
using MapLang.Host.Connectors;
using MapLang.Host.Observability;
using Polly;
using Polly.CircuitBreaker;
using Polly.Retry;
using Polly.Timeout;

namespace MapLang.Host.Resilience;

/// <summary>
/// HTTP to one target through Polly: a timeout per attempt and a circuit breaker for every call; retries with exponential
/// backoff and jitter (honouring Retry-After and 429) for safe calls only — a write is never repeated here, its caller
/// decides after looking at the target. Failures come out as <see cref="TransientCallException"/>; other replies are returned.
/// </summary>
public sealed class ResilientHttp
{
    private readonly HttpClient _http;
    private readonly string _target;
    private readonly HostMetrics _metrics;
    private readonly IRateGate? _gate;
    private readonly ResiliencePipeline<HttpResponseMessage> _safe;
    private readonly ResiliencePipeline<HttpResponseMessage> _write;

    public ResilientHttp(HttpClient http, string target, ResilienceSettings settings, HostMetrics metrics, IRateGate? gate = null)
    {
        _http = http;
        _target = target;
        _metrics = metrics;
        _gate = gate;
        var core = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddCircuitBreaker(new CircuitBreakerStrategyOptions<HttpResponseMessage>
            {
                FailureRatio = settings.BreakerFailureRatio,
                MinimumThroughput = settings.BreakerMinimumThroughput,
                SamplingDuration = TimeSpan.FromSeconds(Math.Max(0.5, settings.BreakerSamplingSeconds)),
                BreakDuration = TimeSpan.FromSeconds(Math.Max(0.5, settings.BreakerBreakSeconds)),
                ShouldHandle = Failed,
            })
            .AddTimeout(TimeSpan.FromSeconds(settings.TimeoutSeconds))
            .Build();
        _write = core;
        _safe = new ResiliencePipelineBuilder<HttpResponseMessage>()
            .AddRetry(new RetryStrategyOptions<HttpResponseMessage>
            {
                MaxRetryAttempts = Math.Max(0, settings.Retries),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                Delay = TimeSpan.FromMilliseconds(settings.RetryBaseDelayMs),
                MaxDelay = TimeSpan.FromMilliseconds(settings.RetryMaxDelayMs),
                ShouldHandle = args => args.Outcome.Exception is BrokenCircuitException ? ValueTask.FromResult(false) : Failed(args.Outcome),
                DelayGenerator = args => ValueTask.FromResult(RetryAfter.Of(args.Outcome.Result)),
                OnRetry = _ =>
                {
                    _metrics.Increment("maplang_call_retries_total", HostMetrics.Label("target", _target));
                    return ValueTask.CompletedTask;
                },
            })
            .AddPipeline(core)
            .Build();
    }

    private static ValueTask<bool> Failed(CircuitBreakerPredicateArguments<HttpResponseMessage> args) => Failed(args.Outcome);

    private static ValueTask<bool> Failed(Outcome<HttpResponseMessage> outcome) => ValueTask.FromResult(outcome switch
    {
        { Exception: HttpRequestException or TimeoutRejectedException or IOException } => true,
        { Result: { } r } => (int)r.StatusCode >= 500 || r.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout,
        _ => false,
    });

    /// <param name="request">Builds the request (once per attempt).</param>
    /// <param name="safe">A read (or an idempotent write): may be retried.</param>
    public async Task<HttpResponseMessage> SendAsync(Func<HttpRequestMessage> request, bool safe, string operation, CancellationToken cancellationToken)
    {
        var started = System.Diagnostics.Stopwatch.GetTimestamp();
        var labels = $"{HostMetrics.Label("target", _target)},{HostMetrics.Label("operation", operation)}";
        HttpResponseMessage? response = null;
        try
        {
            response = await (safe ? _safe : _write).ExecuteAsync(async ct =>
            {
                if (_gate is not null) await _gate.WaitAsync(operation, ct).ConfigureAwait(false);
                using var message = request();
                var reply = await _http.SendAsync(message, HttpCompletionOption.ResponseContentRead, ct).ConfigureAwait(false);
                _gate?.Observe(operation, reply);
                return reply;
            }, cancellationToken).ConfigureAwait(false);
        }
        catch (BrokenCircuitException e)
        {
            Count(labels, "circuit_open");
            throw new TransientCallException($"{_target} {operation}: the circuit is open after repeated failures.", false, e.RetryAfter, e);
        }
        catch (TimeoutRejectedException e)
        {
            Count(labels, "timeout");
            throw new TransientCallException($"{_target} {operation}: no reply within the timeout.", !safe, null, e);
        }
        catch (HttpRequestException e) when (!cancellationToken.IsCancellationRequested)
        {
            var refused = e.InnerException is SocketException { SocketErrorCode: SocketError.ConnectionRefused } || e.HttpRequestError == HttpRequestError.ConnectionError;
            Count(labels, refused ? "refused" : "dropped");
            throw new TransientCallException($"{_target} {operation}: {(refused ? "connection refused" : "the connection failed")} ({e.HttpRequestError}).", !safe && !refused, null, e);
        }
        catch (IOException e) when (!cancellationToken.IsCancellationRequested)
        {
            Count(labels, "dropped");
            throw new TransientCallException($"{_target} {operation}: the connection was dropped.", !safe, null, e);
        }
        finally
        {
            _metrics.Observe("maplang_call_seconds", labels, System.Diagnostics.Stopwatch.GetElapsedTime(started));
        }

        var status = (int)response.StatusCode;
        if (status >= 500 || response.StatusCode is HttpStatusCode.TooManyRequests or HttpStatusCode.RequestTimeout)
        {
            Count(labels, status.ToString(System.Globalization.CultureInfo.InvariantCulture));
            var wait = RetryAfter.Of(response);
            response.Dispose();
            // A 429 was refused before any work; a 5xx may have come after the work was done (M3 commits, then fails).
            throw new TransientCallException($"{_target} {operation}: HTTP {status}.", !safe && status != 429, wait);
        }
        Count(labels, "ok");
        return response;
    }

    private void Count(string labels, string outcome) =>
        _metrics.Increment("maplang_calls_total", $"{labels},{HostMetrics.Label("outcome", outcome)}");
}
