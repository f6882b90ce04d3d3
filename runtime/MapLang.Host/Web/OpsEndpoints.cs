using System.Text;
using MapLang.Host.Mapping;
using MapLang.Host.Observability;
using MapLang.Host.Runner;
using MapLang.Host.Store;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Host.Web;

/// <summary><c>/health/live</c> (the process answers), <c>/health/ready</c> (maps compiled and the store answers), <c>/metrics</c> (Prometheus text).</summary>
public static class OpsEndpoints
{
    public static void Map(IEndpointRouteBuilder app)
    {
        app.MapGet("/health/live", () => Results.Ok(new { status = "live" }));
        app.MapGet("/health/ready", async (MapperCatalog mappers, IFlowStore store, CancellationToken ct) =>
        {
            try
            {
                var version = mappers.Current.Version;
                await store.CountAsync(ct);
                return Results.Ok(new { status = "ready", maps = version });
            }
            catch (Exception e)
            {
                return Results.Json(new { status = "not ready", reason = e.Message }, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        });
        app.MapGet("/metrics", (HostMetrics metrics, FlowWorker worker) =>
        {
            var text = new StringWriter(new StringBuilder(4096));
            metrics.Write(text);
            text.Write("# HELP maplang_runs_in_flight Runs being worked on now.\n# TYPE maplang_runs_in_flight gauge\n");
            text.Write($"maplang_runs_in_flight {worker.Running}\n");
            return Results.Text(text.ToString(), "text/plain; version=0.0.4");
        });
    }
}
