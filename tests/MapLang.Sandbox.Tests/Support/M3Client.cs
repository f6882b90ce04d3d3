using System.Net.Http.Headers;
using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Tests.Support;

/// <summary>A thin HTTP client of the simulated M3 (token from the .ionapi values, v1 and v2 calls).</summary>
public sealed class M3Client : IDisposable
{
    private readonly SandboxHost _host;

    public M3Client(SandboxHost host, bool authenticate = true)
    {
        _host = host;
        Http = new HttpClient { BaseAddress = host.M3BaseUri };
        if (authenticate) Http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", GetTokenAsync().GetAwaiter().GetResult());
    }

    public HttpClient Http { get; }

    public async Task<string> GetTokenAsync()
    {
        using var response = await TokenResponseAsync();
        response.EnsureSuccessStatusCode();
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!["access_token"]!.GetValue<string>();
    }

    public async Task<HttpResponseMessage> TokenResponseAsync(string? password = null)
    {
        var ion = JsonNode.Parse(_host.IonApiJson())!;
        using var client = new HttpClient();
        return await client.PostAsync(ion["pu"]!.GetValue<string>() + ion["ot"]!.GetValue<string>(), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = ion["saak"]!.GetValue<string>(), ["password"] = password ?? ion["sask"]!.GetValue<string>(),
            ["client_id"] = ion["ci"]!.GetValue<string>(), ["client_secret"] = ion["cs"]!.GetValue<string>(),
        }));
    }

    public static string Query(params (string Field, string Value)[] fields) =>
        fields.Length == 0 ? "" : "?" + string.Join("&", fields.Select(f => f.Field + "=" + Uri.EscapeDataString(f.Value)));

    public async Task<JsonNode> V1(string program, string transaction, params (string, string)[] fields) =>
        JsonNode.Parse(await Http.GetStringAsync($"execute/{program}/{transaction}{Query(fields)}"))!;

    public Task<HttpResponseMessage> V2Response(string program, string transaction, params (string, string)[] fields) =>
        Http.GetAsync($"v2/execute/{program}/{transaction}{Query(fields)}");

    public async Task<JsonNode> V2(string program, string transaction, params (string, string)[] fields)
    {
        using var response = await V2Response(program, transaction, fields);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
    }

    /// <summary>The records of a successful v2 call (fails the test on an error).</summary>
    public async Task<JsonArray> Records(string program, string transaction, params (string, string)[] fields)
    {
        var reply = await V2(program, transaction, fields);
        var result = reply["results"]![0]!;
        result["errorMessage"].ShouldBeNull(reply.ToJsonString());
        return result["records"]!.AsArray();
    }

    public void Dispose() => Http.Dispose();
}
