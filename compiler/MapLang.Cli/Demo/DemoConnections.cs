using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Sandbox;

namespace MapLang.Cli.Demo;

/// <summary>
/// The host configuration of the demo: one connection per system of the examples' flows (m3, magento, bigcommerce, nop, amazon,
/// clarity), all pointing at the sandbox, with the sandbox's credentials; the store is SQLite in the demo's state folder.
/// </summary>
internal static class DemoConnections
{
    public const string BigCommerceWebhookSecret = "demo-bigcommerce-webhook-secret";

    public static string Write(SandboxHost sandbox, string stateFolder)
    {
        File.WriteAllText(Path.Combine(stateFolder, "m3.ionapi"), sandbox.IonApiJson());
        var resilience = new JsonObject { ["timeoutSeconds"] = 10, ["retries"] = 3, ["retryBaseDelayMs"] = 100 };
        var config = new JsonObject
        {
            ["urls"] = "http://127.0.0.1:0",
            ["store"] = new JsonObject { ["path"] = Path.Combine(stateFolder, "host.db") },
            ["workers"] = new JsonObject { ["concurrency"] = 4, ["initialBackoffMs"] = 200, ["maxBackoffMs"] = 2000, ["pollMs"] = 100 },
            ["connections"] = new JsonObject
            {
                ["m3"] = new JsonObject { ["type"] = "m3", ["ionApi"] = Path.Combine(stateFolder, "m3.ionapi"), ["cono"] = "100", ["resilience"] = resilience.DeepClone() },
                ["magento"] = new JsonObject
                {
                    ["type"] = "magento", ["baseUrl"] = sandbox.MagentoBaseUri.ToString(), ["username"] = "admin", ["password"] = "sandbox-admin-123",
                    ["resilience"] = resilience.DeepClone(),
                },
                ["bigcommerce"] = new JsonObject
                {
                    ["type"] = "bigcommerce", ["baseUrl"] = sandbox.BigCommerceBaseUri.ToString(), ["accessToken"] = "sandbox-bc-access-token",
                    ["webhook"] = new JsonObject { ["secretHeader"] = "X-Webhook-Secret", ["secret"] = BigCommerceWebhookSecret },
                    ["resilience"] = resilience.DeepClone(),
                },
                ["nop"] = new JsonObject
                {
                    ["type"] = "nopcommerce", ["baseUrl"] = new Uri(sandbox.NopCommerceBaseUri, "api-backend/").ToString(),
                    ["email"] = "admin@yourStore.com", ["password"] = "sandbox-nop-123", ["resilience"] = resilience.DeepClone(),
                },
                ["amazon"] = new JsonObject
                {
                    ["type"] = "amazon", ["baseUrl"] = sandbox.AmazonBaseUri.ToString(), ["tokenUrl"] = new Uri(sandbox.BaseUri, "amazon/auth/o2/token").ToString(),
                    ["clientId"] = "amzn1.application-oa2-client.sandbox", ["clientSecret"] = "sandbox-lwa-client-secret",
                    ["refreshToken"] = "Atzr|sandbox-refresh-token", ["sellerId"] = "A3TH9S8BH6GOGM", ["marketplaceId"] = "ATVPDKIKX0DER",
                    ["queueUrl"] = new Uri(sandbox.BaseUri, "_sandbox/amazon/queue/").ToString(), ["resilience"] = resilience.DeepClone(),
                },
                ["clarity"] = new JsonObject
                {
                    ["type"] = "clarity", ["baseUrl"] = sandbox.ClarityBaseUri.ToString(), ["apiKey"] = "sandbox-clarity-api-key",
                    ["resilience"] = resilience.DeepClone(),
                },
            },
        };
        var path = Path.Combine(stateFolder, "maplang.json");
        File.WriteAllText(path, config.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        return path;
    }
}
