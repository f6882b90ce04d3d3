using System.Text.Json;
using MapLang.Sandbox.Faults;
using MapLang.Sandbox.M3.Data;
using MapLang.Sandbox.M3.Transactions;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.Admin;

/// <summary>
/// <c>/_sandbox</c>: faults (POST/GET/DELETE), clock (GET, POST advance), M3 inspection (orders by CUOR with lines, customers,
/// items, advance an order), counts per system, the .ionapi file. Not part of any simulated system.
/// </summary>
internal static class AdminEndpoints
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static void Map(IEndpointRouteBuilder app, SandboxState state)
    {
        var admin = app.MapGroup("/_sandbox");

        admin.MapPost("/faults", async Task<IResult> (HttpContext http) =>
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body);
            var rules = doc.RootElement.ValueKind == JsonValueKind.Array
                ? doc.RootElement.Deserialize<List<FaultRule>>(Json)!
                : [doc.RootElement.Deserialize<FaultRule>(Json)!];
            foreach (var rule in rules) state.Faults.Add(rule);
            return Results.Json(state.Faults.Active, Json, statusCode: 201);
        });
        admin.MapGet("/faults", () => Results.Json(state.Faults.Active, Json));
        admin.MapDelete("/faults", (string? system) =>
        {
            state.Faults.Clear(system);
            return Results.NoContent();
        });

        admin.MapGet("/clock", () => Results.Json(new { utcNow = state.Clock.UtcNow }, Json));
        admin.MapPost("/clock/advance", async Task<IResult> (HttpContext http) =>
        {
            using var doc = await JsonDocument.ParseAsync(http.Request.Body);
            var r = doc.RootElement;
            var by = TimeSpan.FromSeconds(Num(r, "seconds")) + TimeSpan.FromMinutes(Num(r, "minutes")) + TimeSpan.FromHours(Num(r, "hours"));
            state.Clock.Advance(by);
            lock (state.M3.Data.Gate) OrderProgress.Apply(state.M3.Data, state.M3.Options, state.Clock.UtcNow);
            return Results.Json(new { utcNow = state.Clock.UtcNow }, Json);
        });

        admin.MapGet("/m3/orders", (string? cuor, string? cuno) => Results.Json(M3Inspection.Orders(state.M3, cuor, cuno), Json));
        admin.MapGet("/m3/customers", (string? mail) => Results.Json(M3Inspection.Customers(state.M3, mail), Json));
        admin.MapGet("/m3/items", () => Results.Json(M3Inspection.Items(state.M3), Json));
        admin.MapPost("/m3/orders/{orno}/advance", (string orno) =>
            M3Inspection.Advance(state.M3, state.Clock.UtcNow, orno) is { } status
                ? Results.Json(new { orno, status }, Json)
                : Results.NotFound());
        admin.MapGet("/m3/ionapi", () => Results.Text(state.M3.Options is var o ? M3.IonApiFile.Create(o, state.BaseUri) : "", "application/json"));

        NopCommerceInspection.Map(admin, state.NopCommerce, Json);
        AmazonInspection.Map(admin, state.Amazon, Json);
        ClarityInspection.Map(admin, state.Clarity, Json);

        admin.MapGet("/counts", () => Results.Json(new
        {
            requests = state.Counters.Snapshot(),
            m3 = M3Inspection.Counts(state.M3),
            magento = state.Magento.Counts(),
            bigcommerce = state.BigCommerce.Counts(),
            nopcommerce = state.NopCommerce.Counts(),
            amazon = state.Amazon.Counts(),
            clarity = state.Clarity.Counts(),
        }, Json));
    }

    private static double Num(JsonElement e, string name) => e.TryGetProperty(name, out var v) && v.TryGetDouble(out var d) ? d : 0;
}
