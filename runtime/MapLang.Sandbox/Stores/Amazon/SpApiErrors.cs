using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Amazon;

/// <summary>SP-API error replies: <c>{"errors":[{"code","message","details"}]}</c>.</summary>
internal static class SpApiErrors
{
    public static IResult Error(int status, string code, string message, string details = "") =>
        Results.Json(new JsonObject
        {
            ["errors"] = new JsonArray(new JsonObject { ["code"] = code, ["message"] = message, ["details"] = details }),
        }, statusCode: status);

    public static IResult InvalidInput(string message, string details = "") => Error(400, "InvalidInput", message, details);

    public static IResult NotFound(string message) => Error(404, "NotFound", message);

    public static IResult Denied(string details) => Error(403, "Unauthorized", "Access to requested resource is denied.", details);

    public static IResult QuotaExceeded() => Error(429, "QuotaExceeded", "You exceeded your quota for the requested resource.");
}
