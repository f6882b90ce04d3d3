using System.Net.Http.Json;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapLang.Host.Tests.Stores;

/// <summary>BigCommerce: the store's own thin webhook (registered through v3/hooks) → the host fetches the order → one M3 order → status back.</summary>
[Collection(StoresCollection.Name)]
public sealed class BigCommerceTests(StoresFixture f)
{
    [Fact]
    public async Task A_thin_webhook_is_followed_by_fetching_the_order()
    {
        using (var hook = new HttpRequestMessage(HttpMethod.Post, new Uri(f.Sandbox.BigCommerceBaseUri, "v3/hooks")))
        {
            hook.Headers.Add("X-Auth-Token", "sandbox-bc-access-token");
            hook.Content = JsonContent.Create(new JsonObject
            {
                ["scope"] = "store/order/created", ["destination"] = new Uri(f.Host.BaseUri, "webhooks/bigcommerce/order.created").ToString(), ["is_active"] = true,
                ["headers"] = new JsonObject { ["X-Webhook-Secret"] = StoresProject.BigCommerceWebhookSecret },
            });
            using var created = await f.Http.SendAsync(hook);
            created.EnsureSuccessStatusCode();
        }
        var skus = StoresProject.Skus;
        var id = f.Sandbox.BigCommerce.AddOrder("jdoe@example.com", [(skus[0], 1, 9m), (skus[1], 4, 1m)]);

        var order = await StoresProject.OneM3OrderAsync(f.Http, f.Sandbox, $"BC{id}");
        order.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("ITNO").GetString()!.Trim()).Order().ShouldBe(skus.Order());

        await StoresProject.EventuallyAsync(async () =>
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(f.Sandbox.BigCommerceBaseUri, $"v2/orders/{id}"));
            request.Headers.Add("X-Auth-Token", "sandbox-bc-access-token");
            using var response = await f.Http.SendAsync(request);
            return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("status_id").GetInt32() == 2;
        }, TimeSpan.FromSeconds(30), "BigCommerce order status Shipped");
    }
}
