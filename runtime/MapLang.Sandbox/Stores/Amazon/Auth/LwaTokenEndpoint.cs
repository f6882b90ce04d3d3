using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.Stores.Amazon.Auth;

/// <summary>
/// Login with Amazon at <c>/amazon/auth/o2/token</c> (api.amazon.com in real life): form <c>grant_type=refresh_token</c>, refresh_token,
/// client_id, client_secret → <c>{access_token, token_type:"bearer", expires_in:3600, refresh_token}</c>. LWA errors are OAuth 2 shaped
/// (<c>{error, error_description}</c>), not SP-API shaped.
/// </summary>
internal static class LwaTokenEndpoint
{
    public static void Map(IEndpointRouteBuilder app, AmazonSimulator amazon, TokenStore tokens)
    {
        app.MapPost("/amazon/auth/o2/token", async Task<IResult> (HttpContext http) =>
        {
            if (!http.Request.HasFormContentType) return Error(400, "invalid_request", "The request is missing a required parameter : grant_type");
            var form = await http.Request.ReadFormAsync();
            var o = amazon.Options;
            if (form["client_id"] != o.ClientId || form["client_secret"] != o.ClientSecret)
                return Error(401, "invalid_client", "Client authentication failed");
            if (form["grant_type"] != "refresh_token") return Error(400, "unsupported_grant_type", "The authorization grant type is not supported by the authorization server");
            if (form["refresh_token"] != o.RefreshToken) return Error(400, "invalid_grant", "The request has an invalid grant parameter : refresh_token");
            var token = tokens.Issue(AmazonSimulator.System, o.AccessTokenLifetime, "Atza|");
            return Results.Json(new JsonObject
            {
                ["access_token"] = token, ["refresh_token"] = o.RefreshToken, ["token_type"] = "bearer",
                ["expires_in"] = (int)o.AccessTokenLifetime.TotalSeconds,
            });
        }).Op(AmazonSimulator.System, "token");
    }

    private static IResult Error(int status, string error, string description) =>
        Results.Json(new JsonObject { ["error_description"] = description, ["error"] = error }, statusCode: status);
}
