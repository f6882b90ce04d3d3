using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using MapLang.Host.Resilience;

namespace MapLang.Host.Connectors;

/// <summary>
/// JSON over HTTP to a store: auth added per request; 4xx (other than 401/408/429) become <see cref="PermanentCallException"/>.
/// A 401 (or another status named in <paramref name="authFailures"/>, e.g. Amazon's 403 for an expired token) is returned with no body
/// so the connector can renew its token once.
/// </summary>
public sealed class StoreHttp(ResilientHttp http, Uri baseUri, string system, params HttpStatusCode[] authFailures)
{
    public Uri BaseUri => baseUri;

    public async Task<(HttpStatusCode Status, JsonNode? Body)> SendAsync(HttpMethod method, string path, JsonNode? body, bool safe,
        string operation, Func<CancellationToken, ValueTask<Action<HttpRequestMessage>>> auth, CancellationToken ct)
    {
        var authorize = await auth(ct).ConfigureAwait(false);
        using var response = await http.SendAsync(() =>
        {
            var request = new HttpRequestMessage(method, new Uri(baseUri, path));
            if (body is not null) request.Content = new StringContent(body.ToJsonString(), Encoding.UTF8, "application/json");
            authorize(request);
            return request;
        }, safe, operation, ct).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(ct).ConfigureAwait(false);
        if (response.StatusCode == HttpStatusCode.Unauthorized || authFailures.Contains(response.StatusCode)) return (response.StatusCode, null);
        if (!response.IsSuccessStatusCode)
            throw new PermanentCallException($"{system} {operation}: HTTP {(int)response.StatusCode} {Shorten(text)}", status: (int)response.StatusCode, body: text);
        return (response.StatusCode, text.Length == 0 ? null : JsonNode.Parse(text));
    }

    private static string Shorten(string s) => s.Length <= 300 ? s : s[..300] + "…";
}
