using System.Text.Json;
using MapLang.Runtime.Mapping;
using MapLang.Stdlib.Addresses;
using MapLang.Stdlib.Dates;
using MapLang.Stdlib.Names;
using MapLang.Stdlib.Text;

namespace MapLang.Benchmarks;

/// <summary>
/// What a careful developer writes by hand for examples/magento/order-to-m3.map: one Utf8JsonReader pass
/// into small classes holding only the needed fields, then Utf8JsonWriter. Same output as the generated mapper.
/// </summary>
public static class HandWrittenStreamingMapper
{
    private static readonly JsonEncodedText Cuno = JsonEncodedText.Encode("CUNO"), Cono = JsonEncodedText.Encode("CONO"), Ortp = JsonEncodedText.Encode("ORTP"),
        Whlo = JsonEncodedText.Encode("WHLO"), Cuor = JsonEncodedText.Encode("CUOR"), Ordt = JsonEncodedText.Encode("ORDT"), Cucd = JsonEncodedText.Encode("CUCD"),
        Modl = JsonEncodedText.Encode("MODL"), Yref = JsonEncodedText.Encode("YREF"), Addresses = JsonEncodedText.Encode("addresses"), Lines = JsonEncodedText.Encode("lines"),
        Adrt = JsonEncodedText.Encode("ADRT"), Cunm = JsonEncodedText.Encode("CUNM"), Cua1 = JsonEncodedText.Encode("CUA1"), Cua2 = JsonEncodedText.Encode("CUA2"),
        Pono = JsonEncodedText.Encode("PONO"), Town = JsonEncodedText.Encode("TOWN"), Ecar = JsonEncodedText.Encode("ECAR"), Cscd = JsonEncodedText.Encode("CSCD"),
        Phno = JsonEncodedText.Encode("PHNO"), Itno = JsonEncodedText.Encode("ITNO"), Orqt = JsonEncodedText.Encode("ORQT"), Sapr = JsonEncodedText.Encode("SAPR"),
        Cupo = JsonEncodedText.Encode("CUPO"), Itds = JsonEncodedText.Encode("ITDS");

    private sealed class Order
    {
        public string? Email, IncrementId, Currency, FirstName, LastName;
        public DateTimeOffset? CreatedAt;
        public List<Assignment>? Assignments;
        public List<Item> Items = [];
    }

    private sealed class Assignment
    {
        public string? Method, FirstName, LastName, Postcode, City, Region, Country, Phone;
        public List<string>? Street;
    }

    private sealed class Item
    {
        public string Sku = "";
        public string? Name;
        public long? Id, ParentId;
        public decimal? Qty, Price;
    }

    public static void Map(ReadOnlySpan<byte> json, Utf8JsonWriter w, MapContext context)
    {
        var r = new Utf8JsonReader(json);
        r.Read();
        var order = ReadOrder(ref r);

        var shipping = order.Assignments is { Count: > 0 } a ? a[0] : null;
        w.WriteStartObject();
        w.WriteString(Cuno, context.Lookup("M3.OIS100.CUNO", order.Email!));
        w.WriteNumber(Cono, 100);
        w.WriteString(Ortp, "WEB");
        w.WriteString(Whlo, "100");
        w.WriteString(Cuor, Fit(order.IncrementId ?? throw new InvalidOperationException("no increment_id"), 20));
        Span<char> date = stackalloc char[8];
        var ordt = DateFunctions.ToDate(order.CreatedAt) ?? throw new InvalidOperationException("no created_at");
        ordt.TryFormat(date, out _, "yyyyMMdd");
        w.WriteString(Ordt, date);
        if (order.Currency is { } currency) w.WriteString(Cucd, Fit(currency, 3));
        w.WriteString(Modl, (shipping?.Method ?? "") switch { "tablerate_bestway" => "UPS", "flatrate_flatrate" => "DHL", _ => "POS" });
        if (TextFunctions.Truncate(NameFunctions.FullName(order.FirstName, order.LastName), 30) is { } yref) w.WriteString(Yref, yref);
        w.WriteStartArray(Addresses);
        foreach (var s in order.Assignments ?? [])
        {
            w.WriteStartObject();
            w.WriteNumber(Adrt, 1);
            if (TextFunctions.Truncate(NameFunctions.FullName(s.FirstName, s.LastName), 36) is { } cunm) w.WriteString(Cunm, cunm);
            if (StreetFunctions.StreetLine(s.Street, 1) is { } cua1) w.WriteString(Cua1, cua1);
            if (StreetFunctions.StreetLine(s.Street, 2) is { } cua2) w.WriteString(Cua2, cua2);
            if (s.Postcode is { } pono) w.WriteString(Pono, Fit(pono, 10));
            if (TextFunctions.Truncate(s.City, 20) is { } town) w.WriteString(Town, town);
            if (s.Region is { } ecar) w.WriteString(Ecar, Fit(ecar, 2));
            if (s.Country is { } cscd) w.WriteString(Cscd, Fit(cscd, 3));
            if (TextFunctions.Truncate(s.Phone, 16) is { } phno) w.WriteString(Phno, phno);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray(Lines);
        foreach (var item in order.Items)
        {
            if (item.ParentId != null) continue;
            w.WriteStartObject();
            w.WriteString(Itno, Fit(item.Sku, 15));
            w.WriteNumber(Orqt, item.Qty ?? 1);
            w.WriteNumber(Sapr, item.Price ?? 0);
            w.WriteString(Whlo, "100");
            w.WriteString(Cupo, Fit(item.Id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "", 7));
            if (TextFunctions.Truncate(item.Name, 30) is { } itds) w.WriteString(Itds, itds);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string Fit(string value, int max) => value.Length <= max ? value : throw new InvalidOperationException("too long");

    private static Order ReadOrder(ref Utf8JsonReader r)
    {
        var order = new Order();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("customer_email"u8)) { r.Read(); order.Email = r.GetString(); }
            else if (r.ValueTextEquals("increment_id"u8)) { r.Read(); order.IncrementId = r.GetString(); }
            else if (r.ValueTextEquals("order_currency_code"u8)) { r.Read(); order.Currency = r.GetString(); }
            else if (r.ValueTextEquals("customer_firstname"u8)) { r.Read(); order.FirstName = r.GetString(); }
            else if (r.ValueTextEquals("customer_lastname"u8)) { r.Read(); order.LastName = r.GetString(); }
            else if (r.ValueTextEquals("created_at"u8))
            {
                r.Read();
                order.CreatedAt = DateTimeOffset.ParseExact(r.GetString()!, "yyyy-MM-dd HH:mm:ss", System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal);
            }
            else if (r.ValueTextEquals("items"u8))
            {
                r.Read();
                while (r.Read() && r.TokenType != JsonTokenType.EndArray) order.Items.Add(ReadItem(ref r));
            }
            else if (r.ValueTextEquals("extension_attributes"u8))
            {
                r.Read();
                while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                {
                    if (r.ValueTextEquals("shipping_assignments"u8))
                    {
                        r.Read();
                        order.Assignments = [];
                        while (r.Read() && r.TokenType != JsonTokenType.EndArray) order.Assignments.Add(ReadAssignment(ref r));
                    }
                    else { r.Read(); r.Skip(); }
                }
            }
            else { r.Read(); r.Skip(); }
        }
        return order;
    }

    private static Item ReadItem(ref Utf8JsonReader r)
    {
        var item = new Item();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (r.ValueTextEquals("sku"u8)) { r.Read(); item.Sku = r.GetString()!; }
            else if (r.ValueTextEquals("name"u8)) { r.Read(); item.Name = r.GetString(); }
            else if (r.ValueTextEquals("item_id"u8)) { r.Read(); item.Id = r.TokenType == JsonTokenType.Null ? null : r.GetInt64(); }
            else if (r.ValueTextEquals("parent_item_id"u8)) { r.Read(); item.ParentId = r.TokenType == JsonTokenType.Null ? null : r.GetInt64(); }
            else if (r.ValueTextEquals("qty_ordered"u8)) { r.Read(); item.Qty = r.TokenType == JsonTokenType.Null ? null : r.GetDecimal(); }
            else if (r.ValueTextEquals("price"u8)) { r.Read(); item.Price = r.TokenType == JsonTokenType.Null ? null : r.GetDecimal(); }
            else { r.Read(); r.Skip(); }
        }
        return item;
    }

    private static Assignment ReadAssignment(ref Utf8JsonReader r)
    {
        var a = new Assignment();
        while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
        {
            if (!r.ValueTextEquals("shipping"u8)) { r.Read(); r.Skip(); continue; }
            r.Read();
            while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
            {
                if (r.ValueTextEquals("method"u8)) { r.Read(); a.Method = r.GetString(); }
                else if (r.ValueTextEquals("address"u8))
                {
                    r.Read();
                    while (r.Read() && r.TokenType == JsonTokenType.PropertyName)
                    {
                        if (r.ValueTextEquals("firstname"u8)) { r.Read(); a.FirstName = r.GetString(); }
                        else if (r.ValueTextEquals("lastname"u8)) { r.Read(); a.LastName = r.GetString(); }
                        else if (r.ValueTextEquals("postcode"u8)) { r.Read(); a.Postcode = r.GetString(); }
                        else if (r.ValueTextEquals("city"u8)) { r.Read(); a.City = r.GetString(); }
                        else if (r.ValueTextEquals("region_code"u8)) { r.Read(); a.Region = r.GetString(); }
                        else if (r.ValueTextEquals("country_id"u8)) { r.Read(); a.Country = r.GetString(); }
                        else if (r.ValueTextEquals("telephone"u8)) { r.Read(); a.Phone = r.GetString(); }
                        else if (r.ValueTextEquals("street"u8))
                        {
                            r.Read();
                            a.Street = [];
                            while (r.Read() && r.TokenType != JsonTokenType.EndArray) a.Street.Add(r.GetString()!);
                        }
                        else { r.Read(); r.Skip(); }
                    }
                }
                else { r.Read(); r.Skip(); }
            }
        }
        return a;
    }
}
