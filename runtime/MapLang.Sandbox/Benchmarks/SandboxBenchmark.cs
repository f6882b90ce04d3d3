using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Benchmarks;

/// <summary>
/// Measures the simulators' own throughput over real HTTP on loopback: N concurrent HttpClient callers for a fixed time per scenario.
/// Not a test; figures go to docs/benchmarks.md. Run it from any console: <c>await SandboxBenchmark.RunAsync(Console.Out)</c>.
/// </summary>
public static class SandboxBenchmark
{
    public static async Task RunAsync(TextWriter output, int concurrency = 16, TimeSpan? duration = null)
    {
        var time = duration ?? TimeSpan.FromSeconds(5);
        // The SP-API usage plan (getOrder 0.5/s, burst 30) would throttle at once: measured here is the simulator, not the plan.
        await using var host = await SandboxHost.StartAsync(new SandboxOptions { Amazon = { UsagePlans = { ["getOrder"] = new Stores.Amazon.UsagePlan(1e9, int.MaxValue) } } });
        using var http = new HttpClient(new SocketsHttpHandler { MaxConnectionsPerServer = concurrency });
        var ion = JsonNode.Parse(host.IonApiJson())!;
        var token = JsonNode.Parse(await (await http.PostAsync(ion["pu"] + "token.oauth2", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "password", ["username"] = ion["saak"]!.ToString(), ["password"] = ion["sask"]!.ToString(),
            ["client_id"] = ion["ci"]!.ToString(), ["client_secret"] = ion["cs"]!.ToString(),
        }))).Content.ReadAsStringAsync())!["access_token"]!.ToString();
        var magentoToken = await (await http.PostAsJsonAsync(new Uri(host.MagentoBaseUri, "integration/admin/token"),
            new { username = host.Magento.Options.AdminUsername, password = host.Magento.Options.AdminPassword })).Content.ReadFromJsonAsync<string>();

        var lwa = JsonNode.Parse(await (await http.PostAsync(new Uri(host.AmazonBaseUri, "auth/o2/token"), new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "refresh_token", ["refresh_token"] = host.Amazon.Options.RefreshToken,
            ["client_id"] = host.Amazon.Options.ClientId, ["client_secret"] = host.Amazon.Options.ClientSecret,
        }))).Content.ReadAsStringAsync())!["access_token"]!.ToString();
        var nopToken = JsonNode.Parse(await (await http.PostAsJsonAsync(new Uri(host.NopCommerceBaseUri, "api-backend/Authenticate/GetToken"),
            new { email = host.NopCommerce.Options.Email, password = host.NopCommerce.Options.Password })).Content.ReadAsStringAsync())!["token"]!.ToString();

        var scenarios = new (string Name, Func<int, HttpRequestMessage> Request)[]
        {
            ("M3 v2 MMS200MI/GetItmWhsBal", _ => Authorized(new Uri(host.M3BaseUri, "v2/execute/MMS200MI/GetItmWhsBal?WHLO=100&ITNO=ABS"), token)),
            ("M3 v1 MMS200MI/GetItmWhsBal", _ => Authorized(new Uri(host.M3BaseUri, "execute/MMS200MI/GetItmWhsBal?WHLO=100&ITNO=ABS"), token)),
            ("M3 v2 OIS100MI/AddBatchHead", i => Authorized(new Uri(host.M3BaseUri, $"v2/execute/OIS100MI/AddBatchHead?CUNO=10001&CUOR=BENCH-{i}"), token)),
            ("Magento GET /V1/orders/3", _ => Authorized(new Uri(host.MagentoBaseUri, "orders/3"), magentoToken!)),
            ("Amazon SP-API getOrder (v0)", _ => WithHeader(new Uri(host.AmazonBaseUri, "orders/v0/orders/902-3159896-1390916"), "x-amz-access-token", lwa)),
            ("nopCommerce Order/GetById/5", _ => WithHeader(new Uri(host.NopCommerceBaseUri, "api-backend/Order/GetById/5"), "Authorization", nopToken)),
        };
        await output.WriteLineAsync($"| scenario | requests | requests/s | errors |  (concurrency {concurrency}, {time.TotalSeconds:0} s each, {Environment.ProcessorCount} cores)");
        await output.WriteLineAsync("|---|---|---|---|");
        foreach (var (name, request) in scenarios)
        {
            await Measure(http, request, concurrency, TimeSpan.FromSeconds(1));
            var (count, errors, elapsed) = await Measure(http, request, concurrency, time);
            await output.WriteLineAsync($"| {name} | {count} | {count / elapsed.TotalSeconds:0} | {errors} |");
        }
    }

    private static HttpRequestMessage Authorized(Uri uri, string token)
    {
        var r = new HttpRequestMessage(HttpMethod.Get, uri);
        r.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return r;
    }

    private static HttpRequestMessage WithHeader(Uri uri, string header, string value)
    {
        var r = new HttpRequestMessage(HttpMethod.Get, uri);
        r.Headers.TryAddWithoutValidation(header, value);
        return r;
    }

    private static async Task<(long Count, long Errors, TimeSpan Elapsed)> Measure(HttpClient http, Func<int, HttpRequestMessage> request, int concurrency, TimeSpan duration)
    {
        long count = 0, errors = 0;
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            while (watch.Elapsed < duration)
            {
                var n = (int)Interlocked.Increment(ref count);
                using var response = await http.SendAsync(request(n));
                await response.Content.ReadAsByteArrayAsync();
                if (!response.IsSuccessStatusCode) Interlocked.Increment(ref errors);
            }
        }));
        return (count, errors, watch.Elapsed);
    }
}
