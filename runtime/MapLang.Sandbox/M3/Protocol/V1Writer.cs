using System.Text.Json;
using System.Xml;
using MapLang.Sandbox.M3.Engine;
using MapLang.Sandbox.M3.Metadata;

namespace MapLang.Sandbox.M3.Protocol;

/// <summary>
/// m3api-rest v1 replies. JSON: <c>{Program, Transaction, Metadata:{Field:[…]}, MIRecord:[{RowIndex, NameValue:[{Name,Value}]}]}</c>
/// with A values blank-padded to their length; an error alone is <c>{"@type","@code","@cfg","@field","Message"}</c>, after records
/// it is the <c>ErrorMessage</c> member. Always HTTP 200. XML (namespace http://lawson.com/m3/miaccess) when the client asks for XML only.
/// </summary>
internal static class V1Writer
{
    private const string Ns = "http://lawson.com/m3/miaccess";

    public static void WriteJson(Utf8JsonWriter w, M3Result result)
    {
        if (result.Error is not null && result.Records.Count == 0)
        {
            WriteError(w, result.Error);
            return;
        }
        w.WriteStartObject();
        w.WriteString("Program", result.Program);
        w.WriteString("Transaction", result.Transaction);
        w.WriteStartObject("Metadata");
        w.WriteStartArray("Field");
        foreach (var f in result.Columns)
        {
            w.WriteStartObject();
            w.WriteString("@name", f.Name);
            w.WriteString("@type", f.Type.ToString());
            w.WriteNumber("@length", f.Length ?? 0);
            w.WriteString("@description", f.Description);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartArray("MIRecord");
        for (var i = 0; i < result.Records.Count; i++)
        {
            w.WriteStartObject();
            w.WriteNumber("RowIndex", i);
            w.WriteStartArray("NameValue");
            foreach (var f in result.Columns)
            {
                w.WriteStartObject();
                w.WriteString("Name", f.Name);
                w.WriteString("Value", Pad(f, result.Records[i].Get(f.Name)));
                w.WriteEndObject();
            }
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (result.Error is not null)
        {
            w.WritePropertyName("ErrorMessage");
            WriteError(w, result.Error);
        }
        w.WriteEndObject();
    }

    private static void WriteError(Utf8JsonWriter w, M3Error e)
    {
        w.WriteStartObject();
        w.WriteString("@type", e.Type);
        w.WriteString("@code", e.Code);
        w.WriteString("@cfg", "  ");
        w.WriteString("@field", e.Field);
        w.WriteString("Message", e.Message);
        w.WriteEndObject();
    }

    /// <summary>M3 writes alphanumeric fields at their full length, blank-padded.</summary>
    public static string Pad(M3Field field, string value) =>
        field.Type == 'A' && field.Length is { } n && value.Length < n ? value.PadRight(n) : value;

    public static void WriteXml(XmlWriter x, M3Result result)
    {
        x.WriteStartDocument(true);
        if (result.Error is not null && result.Records.Count == 0)
        {
            WriteXmlError(x, result.Error);
            x.WriteEndDocument();
            return;
        }
        x.WriteStartElement("miResult", Ns);
        x.WriteElementString("Program", Ns, result.Program);
        x.WriteElementString("Transaction", Ns, result.Transaction);
        x.WriteStartElement("Metadata", Ns);
        foreach (var f in result.Columns)
        {
            x.WriteStartElement("Field", Ns);
            x.WriteAttributeString("name", f.Name);
            x.WriteAttributeString("type", f.Type.ToString());
            x.WriteAttributeString("length", (f.Length ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
            x.WriteAttributeString("description", f.Description);
            x.WriteEndElement();
        }
        x.WriteEndElement();
        for (var i = 0; i < result.Records.Count; i++)
        {
            x.WriteStartElement("MIRecord", Ns);
            x.WriteElementString("RowIndex", Ns, i.ToString(System.Globalization.CultureInfo.InvariantCulture));
            foreach (var f in result.Columns)
            {
                x.WriteStartElement("NameValue", Ns);
                x.WriteElementString("Name", Ns, f.Name);
                x.WriteElementString("Value", Ns, Pad(f, result.Records[i].Get(f.Name)));
                x.WriteEndElement();
            }
            x.WriteEndElement();
        }
        if (result.Error is not null) WriteXmlError(x, result.Error);
        x.WriteEndElement();
        x.WriteEndDocument();
    }

    private static void WriteXmlError(XmlWriter x, M3Error e)
    {
        x.WriteStartElement("ErrorMessage", Ns);
        x.WriteAttributeString("code", e.Code);
        x.WriteAttributeString("field", e.Field);
        x.WriteAttributeString("type", e.Type);
        x.WriteElementString("Message", Ns, e.Message);
        x.WriteEndElement();
    }
}
