using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox;

namespace MapLang.Host.Tests.Stores;

/// <summary>
/// A host project with every store connection on one sandbox: polled nopCommerce, Clarity and Magento orders, Amazon ORDER_CHANGE
/// notifications from the queue, BigCommerce thin webhooks; each order goes to M3 and a status/shipment goes back to the store.
/// </summary>
internal sealed class StoresProject : IDisposable
{
    public const string BigCommerceWebhookSecret = "bc-webhook-secret";

    public StoresProject(SandboxHost sandbox)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("maplang-stores-").FullName;
        var source = Path.Combine(AppContext.BaseDirectory, "Project");
        File.Copy(Path.Combine(source, "orders.map"), Path.Combine(Directory, "orders.map"));
        File.Copy(Path.Combine(source, "Stores", "stores.map"), Path.Combine(Directory, "stores.map"));
        File.Copy(Path.Combine(source, "Stores", "documents.mlschema"), Path.Combine(Directory, "documents.mlschema"));
        File.WriteAllText(Path.Combine(Directory, "m3.ionapi"), sandbox.IonApiJson());
        var customerLookup = JsonNode.Parse("""
            [{ "field": "M3.OIS100.CUNO", "connector": "m3", "operation": "customerByEmail",
               "defaults": { "CUTM": "WEBTMPL", "CUNM": "Web customer", "CUA1": "Web order" } }]
            """);
        var config = new JsonObject
        {
            ["urls"] = "http://127.0.0.1:0",
            ["store"] = new JsonObject { ["path"] = "state/host.db" },
            ["workers"] = new JsonObject { ["concurrency"] = 8, ["initialBackoffMs"] = 50, ["maxBackoffMs"] = 300, ["maxAttempts"] = 1000, ["pollMs"] = 50 },
            ["connections"] = SandboxConnections(sandbox),
            ["flows"] = new JsonArray(
                Flow("nop-order-to-m3", Schedule("nop", "orders.since"), "id", customerLookup,
                    Fetch("nop", "payload.id"), Map("NopOrderToOIS100"), M3Order(),
                    Reply("nop", "order.status", "payload.id", new JsonObject { ["order_status_id"] = "20" }),
                    Reply("nop", "order.ship", "payload.id", new JsonObject { ["tracking_number"] = "M3-{m3.ORNO}" })),
                Flow("amazon-order-to-m3", Schedule("amazon", "notifications"), "Payload.OrderChangeNotification.AmazonOrderId", null,
                    Fetch("amazon", "payload.Payload.OrderChangeNotification.AmazonOrderId"), Map("AmazonOrderToOIS100"), M3Order(),
                    Reply("amazon", "order.ship", "payload.Payload.OrderChangeNotification.AmazonOrderId",
                        new JsonObject { ["tracking_number"] = "M3-{m3.ORNO}", ["carrier_code"] = "UPS" })),
                Flow("clarity-order-to-m3", Schedule("clarity", "orders.since"), "ID", null,
                    Fetch("clarity", "payload.ID"), Map("ClarityOrderToOIS100"), M3Order(),
                    Reply("clarity", "order.status", "payload.ID", new JsonObject { ["StatusKey"] = "Processing" }),
                    Reply("clarity", "order.ship", "payload.ID", new JsonObject { ["TrackingNumber"] = "M3-{m3.ORNO}", ["CarrierKey"] = "UPS" })),
                Flow("bigcommerce-order-to-m3", new JsonObject { ["kind"] = "webhook", ["connector"] = "bigcommerce", ["event"] = "order.created" }, "data.id", customerLookup,
                    Fetch("bigcommerce", "payload.data.id"), Map("BcOrderToOIS100"), M3Order(),
                    Reply("bigcommerce", "order.status", "payload.data.id", new JsonObject { ["status_id"] = "2" })),
                Flow("magento-poll-to-m3", Schedule("magento", "orders.since"), "increment_id", customerLookup,
                    new JsonObject { ["step"] = "map", ["name"] = "map", ["mapper"] = "OrderToOIS100", ["input"] = "payload", ["output"] = "record" }, M3Order())),
        };
        File.WriteAllText(Path.Combine(Directory, "maplang.json"), config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
    }

    public string Directory { get; }

    /// <summary>
    /// One connection per system, named as the examples' flows name them (m3, magento, bigcommerce, nop, amazon, clarity), all on the
    /// sandbox with its credentials and short timeouts; BigCommerce webhooks carry <see cref="BigCommerceWebhookSecret"/>.
    /// </summary>
    public static JsonObject SandboxConnections(SandboxHost sandbox)
    {
        var fast = new JsonObject { ["timeoutSeconds"] = 5, ["retries"] = 2, ["retryBaseDelayMs"] = 20, ["breakerMinimumThroughput"] = 1000 };
        return new JsonObject
        {
            ["m3"] = new JsonObject { ["type"] = "m3", ["ionApi"] = "m3.ionapi", ["cono"] = "100", ["resilience"] = fast.DeepClone() },
            ["magento"] = new JsonObject
            {
                ["type"] = "magento", ["baseUrl"] = sandbox.MagentoBaseUri.ToString(), ["username"] = "admin", ["password"] = "sandbox-admin-123",
                ["resilience"] = fast.DeepClone(),
            },
            ["bigcommerce"] = new JsonObject
            {
                ["type"] = "bigcommerce", ["baseUrl"] = sandbox.BigCommerceBaseUri.ToString(), ["accessToken"] = "sandbox-bc-access-token",
                ["webhook"] = new JsonObject { ["secretHeader"] = "X-Webhook-Secret", ["secret"] = BigCommerceWebhookSecret }, ["resilience"] = fast.DeepClone(),
            },
            ["nop"] = new JsonObject
            {
                ["type"] = "nopcommerce", ["baseUrl"] = new Uri(sandbox.NopCommerceBaseUri, "api-backend/").ToString(),
                ["email"] = "admin@yourStore.com", ["password"] = "sandbox-nop-123", ["resilience"] = fast.DeepClone(),
            },
            ["amazon"] = new JsonObject
            {
                ["type"] = "amazon", ["baseUrl"] = sandbox.AmazonBaseUri.ToString(), ["tokenUrl"] = new Uri(sandbox.BaseUri, "amazon/auth/o2/token").ToString(),
                ["clientId"] = "amzn1.application-oa2-client.sandbox", ["clientSecret"] = "sandbox-lwa-client-secret", ["refreshToken"] = "Atzr|sandbox-refresh-token",
                ["sellerId"] = "A3TH9S8BH6GOGM", ["marketplaceId"] = "ATVPDKIKX0DER", ["queueUrl"] = new Uri(sandbox.BaseUri, "_sandbox/amazon/queue/").ToString(),
                ["resilience"] = fast.DeepClone(),
            },
            ["clarity"] = new JsonObject
            {
                ["type"] = "clarity", ["baseUrl"] = sandbox.ClarityBaseUri.ToString(), ["apiKey"] = "sandbox-clarity-api-key", ["resilience"] = fast.DeepClone(),
            },
        };
    }

    private static JsonObject Flow(string name, JsonObject trigger, string key, JsonNode? lookups, params JsonObject[] steps)
    {
        var flow = new JsonObject { ["name"] = name, ["trigger"] = trigger, ["idempotencyKey"] = key, ["steps"] = new JsonArray(steps) };
        if (lookups is not null) flow["lookups"] = lookups.DeepClone();
        return flow;
    }

    private static JsonObject Schedule(string connector, string operation) =>
        new() { ["kind"] = "schedule", ["connector"] = connector, ["operation"] = operation, ["intervalSeconds"] = 1 };

    private static JsonObject Fetch(string connector, string id) =>
        new() { ["step"] = "fetch", ["name"] = "fetch", ["connector"] = connector, ["operation"] = "order.get", ["id"] = id, ["output"] = "order" };

    private static JsonObject Map(string mapper) =>
        new() { ["step"] = "map", ["name"] = "map", ["mapper"] = mapper, ["input"] = "order", ["output"] = "record" };

    private static JsonObject M3Order() =>
        new() { ["step"] = "call", ["name"] = "m3-order", ["connector"] = "m3", ["operation"] = "M3.OIS100", ["input"] = "record", ["output"] = "m3" };

    private static JsonObject Reply(string connector, string operation, string id, JsonObject fields) =>
        new() { ["step"] = "reply", ["name"] = operation, ["connector"] = connector, ["operation"] = operation, ["id"] = id, ["fields"] = fields };

    /// <summary>Two SKUs M3 has items for (ITNO = SKU: at most 15 characters).</summary>
    public static IReadOnlyList<string> Skus { get; } = MapLang.Sandbox.Seed.ExampleSkus.All.Where(s => s.Length <= 15).Distinct().Take(2).ToList();

    /// <summary>Waits until <paramref name="condition"/> holds.</summary>
    public static async Task EventuallyAsync(Func<Task<bool>> condition, TimeSpan timeout, string what)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("Still not: " + what);
            await Task.Delay(100);
        }
    }

    /// <summary>Waits for exactly one M3 order with this CUOR, confirmed, and returns it.</summary>
    public static async Task<JsonElement> OneM3OrderAsync(HttpClient http, SandboxHost sandbox, string cuor)
    {
        List<JsonElement> orders = [];
        await EventuallyAsync(async () => (orders = await TestProject.M3OrdersAsync(http, sandbox, cuor)).Any(o => o.GetProperty("kind").GetString() == "order"),
            TimeSpan.FromSeconds(30), $"an M3 order with CUOR {cuor}");
        orders.Count.ShouldBe(1, $"CUOR {cuor}");
        return orders[0];
    }

    public static async Task<JsonElement> GetJsonAsync(HttpClient http, Uri uri) => await http.GetFromJsonAsync<JsonElement>(uri);

    public void Dispose()
    {
        try { System.IO.Directory.Delete(Directory, recursive: true); }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }
}
