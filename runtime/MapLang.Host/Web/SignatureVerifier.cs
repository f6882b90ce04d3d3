using System.Security.Cryptography;
using System.Text;
using MapLang.Host.Configuration;
using Microsoft.AspNetCore.Http;

namespace MapLang.Host.Web;

/// <summary>Checks a webhook against its connector's <see cref="WebhookSecurity"/> in constant time.</summary>
public static class SignatureVerifier
{
    public static bool Verify(WebhookSecurity? security, string? secret, IHeaderDictionary headers, ReadOnlySpan<byte> body)
    {
        if (security is null) return false;
        if (security.SignatureHeader is { } signatureHeader && secret is not null)
        {
            var given = headers[signatureHeader].ToString();
            if (given.StartsWith("sha256=", StringComparison.OrdinalIgnoreCase)) given = given[7..];
            var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
            return Matches(given, expected);
        }
        if (security.SecretHeader is { } secretHeader && secret is not null)
            return CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(headers[secretHeader].ToString()), Encoding.UTF8.GetBytes(secret));
        return security.AllowUnsigned;
    }

    private static bool Matches(string given, byte[] expected)
    {
        if (given.Length == expected.Length * 2)
        {
            try { return CryptographicOperations.FixedTimeEquals(Convert.FromHexString(given), expected); }
            catch (FormatException) { return false; }
        }
        var buffer = new byte[expected.Length + 3];
        return Convert.TryFromBase64String(given, buffer, out var n) && n == expected.Length && CryptographicOperations.FixedTimeEquals(buffer.AsSpan(0, n), expected);
    }
}
