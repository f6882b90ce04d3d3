using System.Collections.Concurrent;
using System.Security.Cryptography;

namespace MapLang.Sandbox.Infrastructure;

/// <summary>Bearer tokens issued by the simulated systems, with expiry on the sandbox clock.</summary>
public sealed class TokenStore(SandboxClock clock)
{
    private readonly ConcurrentDictionary<string, Issued> _tokens = new(StringComparer.Ordinal);

    public string Issue(string system, TimeSpan lifetime, string prefix = "")
    {
        var token = prefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(30)).Replace('+', '-').Replace('/', '_');
        _tokens[token] = new Issued(system, clock.UtcNow + lifetime);
        return token;
    }

    /// <summary>Registers a token the system formats itself (a JWT, an LWA "Atza|" token) with its expiry.</summary>
    public string Issue(string system, TimeSpan lifetime, Func<DateTimeOffset, string> create)
    {
        var expiresAt = clock.UtcNow + lifetime;
        var token = create(expiresAt);
        _tokens[token] = new Issued(system, expiresAt);
        return token;
    }

    public bool IsValid(string system, string? token) =>
        token is not null && _tokens.TryGetValue(token, out var issued) && issued.System == system && issued.ExpiresAt > clock.UtcNow;

    public void ExpireAll(string system)
    {
        foreach (var (token, issued) in _tokens)
            if (issued.System == system) _tokens.TryUpdate(token, issued with { ExpiresAt = DateTimeOffset.MinValue }, issued);
    }

    /// <summary>The bearer token of the Authorization header (with or without the "Bearer " prefix).</summary>
    public static string? FromAuthorization(string? header)
    {
        if (string.IsNullOrWhiteSpace(header)) return null;
        return header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? header[7..].Trim() : header.Trim();
    }

    private sealed record Issued(string System, DateTimeOffset ExpiresAt);
}
