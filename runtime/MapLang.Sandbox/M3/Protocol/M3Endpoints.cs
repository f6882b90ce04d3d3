using System.Text;
using System.Text.Json;
using System.Xml;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.Infrastructure;
using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Engine;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.M3.Protocol;

/// <summary>
/// The ION API gateway view of M3: <c>/{ti}/M3/m3api-rest/execute/…</c> (v1), <c>/{ti}/M3/m3api-rest/v2/execute/…</c> (v2),
/// <c>/{ti}/M3/m3api-rest/metadata/{PROGRAM}</c>, all behind a bearer token from <c>POST /{ti}/as/token.oauth2</c>.
/// </summary>
internal static class M3Endpoints
{
    public static void Map(IEndpointRouteBuilder app, M3Simulator m3, TokenStore tokens)
    {
        IonApiTokenEndpoint.Map(app, m3, tokens);
        var api = app.MapGroup("/{tenant}/M3/m3api-rest");
        api.AddEndpointFilter(async (ctx, next) =>
        {
            var http = ctx.HttpContext;
            if (!string.Equals(http.GetRouteValue("tenant") as string, m3.Options.Tenant, StringComparison.Ordinal))
                return Results.NotFound();
            if (!tokens.IsValid(M3Simulator.System, TokenStore.FromAuthorization(http.Request.Headers.Authorization)))
            {
                http.Response.Headers.WWWAuthenticate = "Bearer realm=\"ION API\", error=\"invalid_token\"";
                return Results.Json(new { error = "invalid_token", error_description = "The access token is missing, invalid or expired" }, statusCode: 401);
            }
            return await next(ctx);
        });

        api.MapGet("/execute/{program}/{transaction}", (HttpContext http, string program, string transaction) =>
        {
            var result = Execute(m3, http, M3RequestParser.Parse(program, transaction, http.Request.Query));
            return WriteV1(http, result);
        }).Op(M3Simulator.System, "{program}/{transaction}");

        api.MapGet("/v2/execute/{program}/{transaction}", (HttpContext http, string program, string transaction) =>
        {
            var result = Execute(m3, http, M3RequestParser.Parse(program, transaction, http.Request.Query));
            return WriteJson(http, result.Terminated ? 400 : 200,
                w => { if (result.Terminated) V2Writer.WriteTermination(w, result.Error!); else V2Writer.WriteResults(w, [result]); });
        }).Op(M3Simulator.System, "{program}/{transaction}");

        // Typed lambda: a plain RequestDelegate would bypass the group's token filter.
        api.MapPost("/v2/execute", async Task<IResult> (HttpContext http) =>
        {
            await BulkEndpoint.Handle(http, m3);
            return Results.Empty;
        }).Op(M3Simulator.System, "bulk");

        api.MapGet("/metadata/{program}", (HttpContext http, string program) =>
        {
            var info = m3.Engine.Catalog.Program(program);
            if (info is null) return WriteV1(http, new M3Result(program.ToUpperInvariant(), "", null, [],
                new M3Error("ProgramNotFound", "", "", $"Program {program.ToUpperInvariant()} does not exist")));
            http.Response.ContentType = "application/xml";
            return http.Response.WriteAsync(MetadataXml.Write(info));
        }).Op(M3Simulator.System, "metadata");
    }

    internal static M3Result Execute(M3Simulator m3, HttpContext http, M3Request request) =>
        m3.Engine.Execute(request, http.Items.TryGetValue(FaultMiddleware.PartialFailureKey, out var n) ? (int?)n : null);

    private static Task WriteV1(HttpContext http, M3Result result)
    {
        var accept = http.Request.Headers.Accept.ToString();
        if (accept.Contains("xml", StringComparison.OrdinalIgnoreCase) && !accept.Contains("json", StringComparison.OrdinalIgnoreCase))
        {
            http.Response.ContentType = "application/xml";
            var sb = new StringBuilder();
            using (var x = XmlWriter.Create(sb, new XmlWriterSettings { Encoding = Encoding.UTF8 })) V1Writer.WriteXml(x, result);
            return http.Response.WriteAsync(sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal));
        }
        return WriteJson(http, 200, w => V1Writer.WriteJson(w, result));
    }

    internal static async Task WriteJson(HttpContext http, int status, Action<Utf8JsonWriter> write)
    {
        http.Response.StatusCode = status;
        http.Response.ContentType = "application/json";
        await using (var w = new Utf8JsonWriter(http.Response.BodyWriter)) write(w);
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }
}
