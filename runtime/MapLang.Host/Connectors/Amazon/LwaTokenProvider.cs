using System.Net.Http.Json;
using System.Text.Json;

namespace MapLang.Host.Connectors.Amazon;

/// <summary>Login with Amazon: the refresh token is exchanged for an access token (1 h), cached until a minute before it expires and renewed once when SP-API refuses it.</summary>
public sealed class LwaTokenProvider(HttpClient http, AmazonSettings settings, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    /// <summary>How many tokens were fetched (tests check the cache).</summary>
    public int Exchanges { get; private set; }

    public async Task<string> GetAsync(string? rejected, CancellationToken ct)
    {
        if (_token is { } current && current != rejected && _time.GetUtcNow() < _expiresAt) return current;
        await _gate.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            if (_token is { } fresh && fresh != rejected && _time.GetUtcNow() < _expiresAt) return fresh;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "refresh_token", ["refresh_token"] = settings.RefreshToken,
                ["client_id"] = settings.ClientId, ["client_secret"] = settings.ClientSecret,
            });
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync(settings.TokenUri, form, ct).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new TransientCallException("Login with Amazon: the connection failed.", false, null, e);
            }
            using (response)
            {
                // invalid_client / invalid_grant will not pass by retrying: the credentials must be fixed.
                if ((int)response.StatusCode is 400 or 401)
                    throw new PermanentCallException($"Login with Amazon refused the credentials (HTTP {(int)response.StatusCode}).");
                if (!response.IsSuccessStatusCode) throw new TransientCallException($"Login with Amazon: HTTP {(int)response.StatusCode}.", false);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(ct).ConfigureAwait(false);
                _token = body.GetProperty("access_token").GetString();
                var seconds = body.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 3600;
                _expiresAt = _time.GetUtcNow().AddSeconds(Math.Max(30, seconds - 60));
                Exchanges++;
                return _token!;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
