using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Stores.NopCommerce;

/// <summary>An HS256 JWT like the Web API plugin's (claims: customer id, e-mail, expiry), signed with the sandbox's secret.</summary>
internal static class NopJwt
{
    public static string Create(string secret, int customerId, string email, DateTimeOffset expiresAt, DateTimeOffset now)
    {
        var header = Encode(new JsonObject { ["alg"] = "HS256", ["typ"] = "JWT" }.ToJsonString());
        var payload = Encode(new JsonObject
        {
            ["CustomerId"] = customerId, ["email"] = email, ["jti"] = Guid.NewGuid().ToString("N"),
            ["nbf"] = now.ToUnixTimeSeconds(), ["iat"] = now.ToUnixTimeSeconds(), ["exp"] = expiresAt.ToUnixTimeSeconds(),
        }.ToJsonString());
        var signature = Base64Url(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.ASCII.GetBytes(header + "." + payload)));
        return header + "." + payload + "." + signature;
    }

    private static string Encode(string json) => Base64Url(Encoding.UTF8.GetBytes(json));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
