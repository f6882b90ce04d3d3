using System.Text;
using System.Text.Json.Nodes;

namespace MapLang.Benchmarks;

/// <summary>The real Magento order of the reference data, and the same order with 50 lines.</summary>
internal static class OrderPayloads
{
    public static byte[] Real() => File.ReadAllBytes(RepositoryRoot.Combine("examples", "magento", "samples", "order.input.json"));

    public static byte[] WithLines(int count)
    {
        var order = JsonNode.Parse(Real())!.AsObject();
        var template = order["items"]!.AsArray()[0]!;
        var items = new JsonArray();
        for (var i = 0; i < count; i++)
        {
            var item = template.DeepClone().AsObject();
            item["item_id"] = 1000 + i;
            item["sku"] = $"WS12-M-{i:D3}";
            item["qty_ordered"] = 1 + i % 5;
            item["price"] = 10.5m + i;
            items.Add(item);
        }
        order["items"] = items;
        return Encoding.UTF8.GetBytes(order.ToJsonString());
    }
}
