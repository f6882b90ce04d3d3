using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.M3.Protocol;

/// <summary>
/// The ION API authorization server: <c>POST {pu}{ot}</c> = <c>/{ti}/as/token.oauth2</c>, form grant_type=password with the
/// .ionapi values (username=saak, password=sask, client_id=ci, client_secret=cs), or grant_type=refresh_token.
/// </summary>
internal static class IonApiTokenEndpoint
{
    private const string RefreshSystem = "m3-refresh";

    public static void Map(IEndpointRouteBuilder app, M3Simulator m3, TokenStore tokens)
    {
        app.MapPost("/{tenant}/as/token.oauth2", async (HttpContext http, string tenant) =>
        {
            if (tenant != m3.Options.Tenant) return Results.NotFound();
            if (!http.Request.HasFormContentType)
                return Error(400, "invalid_request", "Content-Type must be application/x-www-form-urlencoded");
            var form = await http.Request.ReadFormAsync(http.RequestAborted);
            var o = m3.Options;
            if (form["client_id"] != o.ClientId || form["client_secret"] != o.ClientSecret)
                return Error(401, "invalid_client", "Client authentication failed");
            switch (form["grant_type"].ToString())
            {
                case "password" when form["username"] == o.ServiceAccountAccessKey && form["password"] == o.ServiceAccountSecretKey:
                    break;
                case "password":
                    return Error(400, "invalid_grant", "Invalid service account credentials");
                case "refresh_token" when tokens.IsValid(RefreshSystem, form["refresh_token"]):
                    break;
                case "refresh_token":
                    return Error(400, "invalid_grant", "Invalid or expired refresh token");
                default:
                    return Error(400, "unsupported_grant_type", "grant_type must be password or refresh_token");
            }
            return Results.Json(new Dictionary<string, object>
            {
                ["access_token"] = tokens.Issue(M3Simulator.System, o.TokenLifetime, "eyJ"),
                ["token_type"] = "Bearer",
                ["expires_in"] = (int)o.TokenLifetime.TotalSeconds,
                ["refresh_token"] = tokens.Issue(RefreshSystem, TimeSpan.FromDays(1)),
            });
        }).Op(M3Simulator.System, "token");
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = error, ["error_description"] = description }, statusCode: status);
}
