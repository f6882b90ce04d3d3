using MapLang.Host.Configuration;
using Microsoft.AspNetCore.Http;

namespace MapLang.Host.Web;

/// <summary>The webhook checks of every connection, with their secrets resolved once at start.</summary>
public sealed class WebhookGuards
{
    private readonly Dictionary<string, (WebhookSecurity Security, string? Secret)> _byConnector = new(StringComparer.OrdinalIgnoreCase);

    public WebhookGuards(HostSettings settings, string baseDirectory)
    {
        Limits = settings.Webhooks;
        foreach (var (name, connection) in settings.Connections)
            _byConnector[name] = (connection.Webhook, Secrets.Resolve(connection.Webhook.Secret, baseDirectory));
    }

    public WebhookLimits Limits { get; }

    public bool Verify(string connector, IHeaderDictionary headers, ReadOnlySpan<byte> body) =>
        _byConnector.TryGetValue(connector, out var guard) && SignatureVerifier.Verify(guard.Security, guard.Secret, headers, body);
}
