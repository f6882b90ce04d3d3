using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Tests.Support;

/// <summary>A thin SP-API client of the sandbox: LWA token exchange, then <c>x-amz-access-token</c> on every call.</summary>
public sealed class AmazonClient : IDisposable
{
    private readonly SandboxHost _host;

    public AmazonClient(SandboxHost host, bool authenticate = true)
    {
        _host = host;
        Http = new HttpClient { BaseAddress = host.AmazonBaseUri };
        if (authenticate) Http.DefaultRequestHeaders.Add("x-amz-access-token", TokenAsync().GetAwaiter().GetResult()["access_token"]!.GetValue<string>());
    }

    public HttpClient Http { get; }
    public HttpClient Admin { get; } = new();

    public async Task<JsonNode> TokenAsync(string? secret = null)
    {
        using var response = await TokenResponseAsync(secret);
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    public Task<HttpResponseMessage> TokenResponseAsync(string? secret = null)
    {
        var o = _host.Amazon.Options;
        return new HttpClient().PostAsync(new Uri(_host.AmazonBaseUri, "auth/o2/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = o.RefreshToken, ["client_id"] = o.ClientId, ["client_secret"] = secret ?? o.ClientSecret,
        }));
    }

    public async Task<JsonNode> Get(string path)
    {
        using var response = await Http.GetAsync(path);
        var text = await response.Content.ReadAsStringAsync();
        response.IsSuccessStatusCode.ShouldBeTrue(text);
        return JsonNode.Parse(text)!;
    }

    public async Task<JsonNode> AdminGet(string path) => JsonNode.Parse(await Admin.GetStringAsync(new Uri(_host.BaseUri, "_sandbox/amazon/" + path)))!;

    public Task<HttpResponseMessage> AdminDelete(string path) => Admin.DeleteAsync(new Uri(_host.BaseUri, "_sandbox/amazon/" + path));

    public Task<HttpResponseMessage> Post(string path, object body) => Http.PostAsJsonAsync(path, body);

    public void Dispose()
    {
        Http.Dispose();
        Admin.Dispose();
    }
}
