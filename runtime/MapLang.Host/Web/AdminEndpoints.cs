using MapLang.Host.Mapping;
using MapLang.Host.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Host.Web;

/// <summary>
/// <c>GET /admin/status</c>; dead letters: <c>GET /admin/dlq</c>, <c>GET /admin/dlq/{id}</c>, <c>POST /admin/dlq/{id}/replay</c>,
/// <c>POST /admin/dlq/replay</c> (all). Bound to the host's own address; put it behind the network's access control.
/// </summary>
public static class AdminEndpoints
{
    public static void Map(IEndpointRouteBuilder app, Runner.WorkSignal signal)
    {
        app.MapGet("/admin/status", async (IFlowStore store, MapperCatalog mappers, CancellationToken ct) =>
        {
            var counts = await store.CountAsync(ct);
            var current = mappers.Current;
            return Results.Ok(new
            {
                runs = counts.Runs, outbox = new { pending = counts.OutboxPending, dead = counts.OutboxDead },
                maps = new { version = current.Version, compiledAt = current.CompiledAt, names = current.Names, diagnostics = mappers.LastDiagnostics },
            });
        });
        app.MapGet("/admin/dlq", async (IFlowStore store, int? limit, CancellationToken ct) =>
            Results.Ok((await store.ListAsync(RunStatus.Dead, limit ?? 100, ct)).Select(Summary)));
        app.MapGet("/admin/dlq/{id:long}", async (long id, IFlowStore store, CancellationToken ct) =>
            await store.GetAsync(id, ct) is { } run ? Results.Ok(Detail(run, await store.LoadCheckpointsAsync(id, ct))) : Results.NotFound());
        app.MapPost("/admin/dlq/{id:long}/replay", async (long id, IFlowStore store, CancellationToken ct) =>
        {
            var ok = await store.ReplayAsync(id, ct);
            signal.Notify();
            return ok ? Results.Ok(new { replayed = 1 }) : Results.NotFound(new { error = $"Run {id} is not a dead letter." });
        });
        app.MapPost("/admin/dlq/replay", async (IFlowStore store, CancellationToken ct) =>
        {
            var n = await store.ReplayAllDeadAsync(ct);
            signal.Notify();
            return Results.Ok(new { replayed = n });
        });
    }

    public static object Summary(FlowRun r) => new { id = r.Id, flow = r.Flow, key = r.Key, attempts = r.Attempts, at = r.UpdatedAt, reason = r.Error };

    public static object Detail(FlowRun r, IReadOnlyDictionary<string, string> checkpoints) => new
    {
        id = r.Id, flow = r.Flow, key = r.Key, status = r.Status.ToString().ToLowerInvariant(), attempts = r.Attempts, created = r.CreatedAt,
        updated = r.UpdatedAt, reason = r.Error,
        // Step names only: checkpoint values hold mapped records (names, addresses) and stay in the store.
        steps = checkpoints.Keys.Order(StringComparer.Ordinal),
        payloadBytes = r.Payload.Length,
    };
}
