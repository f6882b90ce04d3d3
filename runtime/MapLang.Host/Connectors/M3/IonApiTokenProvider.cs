using System.Net.Http.Json;
using System.Text.Json;

namespace MapLang.Host.Connectors.M3;

/// <summary>The ION API bearer token: fetched with the password grant of the .ionapi file, cached until shortly before it expires, renewed on demand after a 401.</summary>
public sealed class IonApiTokenProvider(HttpClient http, IonApiCredentials credentials, TimeProvider? time = null)
{
    private readonly TimeProvider _time = time ?? TimeProvider.System;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private string? _token;
    private DateTimeOffset _expiresAt;

    public async Task<string> GetAsync(string? rejected, CancellationToken cancellationToken)
    {
        if (_token is { } current && current != rejected && _time.GetUtcNow() < _expiresAt) return current;
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            // Another caller may have renewed it while this one waited.
            if (_token is { } fresh && fresh != rejected && _time.GetUtcNow() < _expiresAt) return fresh;
            using var form = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "password", ["username"] = credentials.Username, ["password"] = credentials.Password,
                ["client_id"] = credentials.ClientId, ["client_secret"] = credentials.ClientSecret,
            });
            HttpResponseMessage response;
            try
            {
                response = await http.PostAsync(credentials.TokenUrl, form, cancellationToken).ConfigureAwait(false);
            }
            catch (HttpRequestException e)
            {
                throw new TransientCallException("M3 token endpoint: the connection failed.", false, null, e);
            }
            using (response)
            {
                if (!response.IsSuccessStatusCode)
                    throw new TransientCallException($"M3 token endpoint: HTTP {(int)response.StatusCode}.", false);
                var body = await response.Content.ReadFromJsonAsync<JsonElement>(cancellationToken).ConfigureAwait(false);
                _token = body.GetProperty("access_token").GetString();
                var seconds = body.TryGetProperty("expires_in", out var e) && e.TryGetInt32(out var s) ? s : 7200;
                _expiresAt = _time.GetUtcNow().AddSeconds(Math.Max(30, seconds - 60));
                return _token!;
            }
        }
        finally
        {
            _gate.Release();
        }
    }
}
