using System.Text.Json;
using MapLang.Runtime.Mapping;
using MapLang.Stdlib.Addresses;
using MapLang.Stdlib.Dates;
using MapLang.Stdlib.Names;
using MapLang.Stdlib.Text;

namespace MapLang.Benchmarks;

/// <summary>The same mapping written the common way: parse a JsonDocument, read properties by name, write with Utf8JsonWriter.</summary>
public static class HandWrittenDocumentMapper
{
    public static void Map(ReadOnlyMemory<byte> json, Utf8JsonWriter w, MapContext context)
    {
        using var document = JsonDocument.Parse(json);
        var order = document.RootElement;
        var assignments = order.TryGetProperty("extension_attributes", out var ext) && ext.TryGetProperty("shipping_assignments", out var sa) ? sa : default;
        var method = assignments.ValueKind == JsonValueKind.Array && assignments.GetArrayLength() > 0
            && assignments[0].GetProperty("shipping").TryGetProperty("method", out var m) ? m.GetString() : null;

        w.WriteStartObject();
        w.WriteString("CUNO", context.Lookup("M3.OIS100.CUNO", order.GetProperty("customer_email").GetString()!));
        w.WriteNumber("CONO", 100);
        w.WriteString("ORTP", "WEB");
        w.WriteString("WHLO", "100");
        w.WriteString("CUOR", order.GetProperty("increment_id").GetString());
        var created = DateTimeOffset.ParseExact(order.GetProperty("created_at").GetString()!, "yyyy-MM-dd HH:mm:ss",
            System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
        w.WriteString("ORDT", DateFunctions.ToDate(created)!.Value.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        if (Text(order, "order_currency_code") is { } currency) w.WriteString("CUCD", currency);
        w.WriteString("MODL", (method ?? "") switch { "tablerate_bestway" => "UPS", "flatrate_flatrate" => "DHL", _ => "POS" });
        if (TextFunctions.Truncate(NameFunctions.FullName(Text(order, "customer_firstname"), Text(order, "customer_lastname")), 30) is { } yref) w.WriteString("YREF", yref);
        w.WriteStartArray("addresses");
        if (assignments.ValueKind == JsonValueKind.Array)
        {
            foreach (var assignment in assignments.EnumerateArray())
            {
                var address = assignment.GetProperty("shipping").GetProperty("address");
                var street = address.TryGetProperty("street", out var s) ? s.EnumerateArray().Select(x => x.GetString()!).ToList() : null;
                w.WriteStartObject();
                w.WriteNumber("ADRT", 1);
                if (TextFunctions.Truncate(NameFunctions.FullName(Text(address, "firstname"), Text(address, "lastname")), 36) is { } cunm) w.WriteString("CUNM", cunm);
                if (StreetFunctions.StreetLine(street, 1) is { } cua1) w.WriteString("CUA1", cua1);
                if (StreetFunctions.StreetLine(street, 2) is { } cua2) w.WriteString("CUA2", cua2);
                if (Text(address, "postcode") is { } pono) w.WriteString("PONO", pono);
                if (TextFunctions.Truncate(Text(address, "city"), 20) is { } town) w.WriteString("TOWN", town);
                if (Text(address, "region_code") is { } ecar) w.WriteString("ECAR", ecar);
                if (Text(address, "country_id") is { } cscd) w.WriteString("CSCD", cscd);
                if (TextFunctions.Truncate(Text(address, "telephone"), 16) is { } phno) w.WriteString("PHNO", phno);
                w.WriteEndObject();
            }
        }
        w.WriteEndArray();
        w.WriteStartArray("lines");
        foreach (var item in order.GetProperty("items").EnumerateArray())
        {
            if (item.TryGetProperty("parent_item_id", out var parent) && parent.ValueKind != JsonValueKind.Null) continue;
            w.WriteStartObject();
            w.WriteString("ITNO", item.GetProperty("sku").GetString());
            w.WriteNumber("ORQT", item.TryGetProperty("qty_ordered", out var q) && q.ValueKind == JsonValueKind.Number ? q.GetDecimal() : 1);
            w.WriteNumber("SAPR", item.TryGetProperty("price", out var p) && p.ValueKind == JsonValueKind.Number ? p.GetDecimal() : 0);
            w.WriteString("WHLO", "100");
            w.WriteString("CUPO", item.GetProperty("item_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture));
            if (TextFunctions.Truncate(Text(item, "name"), 30) is { } itds) w.WriteString("ITDS", itds);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string? Text(JsonElement e, string name) =>
        e.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
