using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox;

namespace MapLang.Host.Tests;

/// <summary>A host project in a temporary folder: the test map, a .ionapi file and maplang.json pointing at a sandbox.</summary>
internal sealed class TestProject : IDisposable
{
    public const string WebhookSecret = "test-webhook-secret";
    public const string NewCustomerEmail = "new.buyer.1@example.com";

    public TestProject(SandboxHost sandbox, string? urls = null, double initialBackoffMs = 50, string synchronous = "FULL")
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("maplang-host-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "Project");
        File.Copy(Path.Combine(source, "orders.map"), MapPath);
        File.WriteAllText(Path.Combine(Directory, "m3.ionapi"), sandbox.IonApiJson());
        var config = new JsonObject
        {
            ["urls"] = urls ?? "http://127.0.0.1:0",
            ["store"] = new JsonObject { ["path"] = "state/host.db", ["synchronous"] = synchronous },
            ["workers"] = new JsonObject { ["concurrency"] = 8, ["initialBackoffMs"] = initialBackoffMs, ["maxBackoffMs"] = 500, ["maxAttempts"] = 1000, ["pollMs"] = 50 },
            ["connections"] = new JsonObject
            {
                ["m3"] = new JsonObject
                {
                    ["type"] = "m3", ["ionApi"] = "m3.ionapi", ["cono"] = "100",
                    ["resilience"] = new JsonObject { ["timeoutSeconds"] = 5, ["retries"] = 2, ["retryBaseDelayMs"] = 20, ["breakerMinimumThroughput"] = 1000 },
                },
                ["magento"] = new JsonObject
                {
                    ["type"] = "magento", ["baseUrl"] = sandbox.MagentoBaseUri.ToString(), ["username"] = "admin", ["password"] = "env:MAPLANG_TEST_MAGENTO_PASSWORD",
                    ["webhook"] = new JsonObject { ["signatureHeader"] = "X-MapLang-Signature", ["secret"] = WebhookSecret },
                },
            },
            ["flows"] = JsonNode.Parse("""
                [{
                  "name": "magento-order-to-m3",
                  "trigger": { "kind": "webhook", "connector": "magento", "event": "order" },
                  "idempotencyKey": "increment_id",
                  "lookups": [{ "field": "M3.OIS100.CUNO", "connector": "m3", "operation": "customerByEmail",
                                "defaults": { "CUTM": "WEBTMPL", "CUNM": "Web customer", "CUA1": "Web order" } }],
                  "steps": [
                    { "step": "map", "name": "map", "mapper": "OrderToOIS100", "input": "payload", "output": "record" },
                    { "step": "call", "name": "m3-order", "connector": "m3", "operation": "M3.OIS100", "input": "record", "output": "m3" },
                    { "step": "reply", "name": "comment", "connector": "magento", "operation": "order.comment", "id": "payload.entity_id",
                      "fields": { "comment": "M3 order {m3.ORNO}" } }
                  ]
                }]
                """),
        };
        Environment.SetEnvironmentVariable("MAPLANG_TEST_MAGENTO_PASSWORD", "sandbox-admin-123");
        File.WriteAllText(Path.Combine(Directory, "maplang.json"), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public string Directory { get; }
    public string MapPath => Path.Combine(Directory, "orders.map");

    /// <summary>A Magento order with two lines; <paramref name="number"/> makes increment_id, entity_id and item ids unique.</summary>
    public static byte[] Order(int number, string email = "jdoe@example.com", bool withCurrency = true)
    {
        var order = JsonNode.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Project", "order.template.json")))!.AsObject();
        order["increment_id"] = Cuor(number);
        order["entity_id"] = 3;
        order["customer_email"] = email;
        if (!withCurrency) order.Remove("order_currency_code");
        var template = order["items"]![0]!;
        var items = new JsonArray();
        for (var line = 1; line <= 2; line++)
        {
            var item = template.DeepClone();
            item["item_id"] = number * 10 + line;
            items.Add(item);
        }
        order["items"] = items;
        return Encoding.UTF8.GetBytes(order.ToJsonString());
    }

    public static string Cuor(int number) => $"T{number:D8}";

    public static HttpRequestMessage Webhook(Uri host, byte[] body, string? secret = WebhookSecret)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, new Uri(host, "webhooks/magento/order")) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new("application/json");
        if (secret is not null) request.Headers.Add("X-MapLang-Signature", "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body)));
        return request;
    }

    /// <summary>M3 orders (confirmed and batch) with this CUOR, from the sandbox's inspection endpoint.</summary>
    public static async Task<List<JsonElement>> M3OrdersAsync(HttpClient http, SandboxHost sandbox, string cuor)
    {
        var list = await http.GetFromJsonAsync<List<JsonElement>>(new Uri(sandbox.BaseUri, $"_sandbox/m3/orders?cuor={Uri.EscapeDataString(cuor)}"));
        return list!;
    }

    public static async Task<Dictionary<string, int>> M3OrderCountsAsync(HttpClient http, SandboxHost sandbox)
    {
        var list = await http.GetFromJsonAsync<List<JsonElement>>(new Uri(sandbox.BaseUri, "_sandbox/m3/orders"));
        return list!.GroupBy(o => o.GetProperty("cuor").GetString()!).ToDictionary(g => g.Key, g => g.Count());
    }

    /// <summary>Waits until no run is pending, running or waiting.</summary>
    public static async Task WaitIdleAsync(HttpClient http, Uri host, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (true)
        {
            var status = await http.GetFromJsonAsync<JsonElement>(new Uri(host, "admin/status"));
            var runs = status.GetProperty("runs");
            long Open(string s) => runs.TryGetProperty(s, out var v) ? v.GetInt64() : 0;
            if (Open("pending") + Open("running") + Open("waiting") == 0) return;
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"Runs still open: {runs}");
            await Task.Delay(50);
        }
    }

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
