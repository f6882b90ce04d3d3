using MapLang.Sandbox.Infrastructure;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Faults;

/// <summary>Applies the fault decided for the request's system and operation (runs after routing).</summary>
internal sealed class FaultMiddleware(RequestDelegate next, FaultInjector faults, TokenStore tokens, RequestCounters counters)
{
    public const string PartialFailureKey = "sandbox.partialFailure";

    public async Task InvokeAsync(HttpContext context)
    {
        var op = context.GetEndpoint()?.Metadata.GetMetadata<SandboxOperation>();
        if (op is null)
        {
            await next(context);
            return;
        }
        var operation = op.Resolve(context);
        counters.Count(op.System, operation);
        var decision = faults.Decide(op.System, operation);
        if (decision.LatencyMs > 0) await Task.Delay(decision.LatencyMs, context.RequestAborted);
        switch (decision.Failure?.Kind)
        {
            case null:
                await next(context);
                return;
            case FaultKind.ServerError:
                await WriteError(context, decision.Failure.StatusCode ?? 503, "Service Unavailable (injected fault)");
                return;
            case FaultKind.TooManyRequests:
                context.Response.Headers.RetryAfter = (decision.Failure.RetryAfterSeconds ?? 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await WriteError(context, 429, "Too Many Requests (injected fault)");
                return;
            case FaultKind.ConnectionReset:
                context.Abort();
                return;
            case FaultKind.TokenExpiry:
                tokens.ExpireAll(op.System);
                await next(context);
                return;
            case FaultKind.PartialFailure:
                context.Items[PartialFailureKey] = decision.Failure.AfterRecords;
                await next(context);
                return;
            case FaultKind.CommitThenFail:
            case FaultKind.CommitThenReset:
                await CommitThenLose(context, decision.Failure);
                return;
        }
    }

    private async Task CommitThenLose(HttpContext context, FaultRule rule)
    {
        var original = context.Response.Body;
        context.Response.Body = Stream.Null;
        try
        {
            await next(context);
        }
        finally
        {
            context.Response.Body = original;
        }
        if (rule.Kind == FaultKind.CommitThenReset)
        {
            context.Abort();
            return;
        }
        context.Response.Clear();
        await WriteError(context, rule.StatusCode ?? 500, "Internal Server Error (injected fault after commit)");
    }

    private static Task WriteError(HttpContext context, int status, string message)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync("{\"error\":\"" + message + "\"}");
    }
}
