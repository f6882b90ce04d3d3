using System.Text;
using System.Xml;
using MapLang.Sandbox.M3.Metadata;

namespace MapLang.Sandbox.M3.Protocol;

/// <summary><c>GET /m3api-rest/metadata/{PROGRAM}</c> in the shape of reference/m3/examples/metadata-program.xml.</summary>
internal static class MetadataXml
{
    public static string Write(M3ProgramInfo program)
    {
        var sb = new StringBuilder();
        using (var x = XmlWriter.Create(sb, new XmlWriterSettings { Indent = true }))
        {
            x.WriteStartDocument(true);
            x.WriteStartElement("MIProgramMetadata");
            x.WriteAttributeString("Program", program.Name);
            x.WriteAttributeString("Description", program.Description);
            foreach (var t in program.Transactions.Values)
            {
                x.WriteStartElement("Transaction");
                x.WriteAttributeString("Program", program.Name);
                x.WriteAttributeString("Transaction", t.Name);
                x.WriteAttributeString("Description", t.Description);
                x.WriteAttributeString("Multi", t.IsList ? "M" : "S");
                Fields(x, "InputFieldList", t.Input);
                Fields(x, "OutputFieldList", t.Output);
                x.WriteEndElement();
            }
            x.WriteEndElement();
            x.WriteEndDocument();
        }
        return sb.ToString().Replace("encoding=\"utf-16\"", "encoding=\"UTF-8\"", StringComparison.Ordinal);
    }

    private static void Fields(XmlWriter x, string element, IReadOnlyList<M3Field> fields)
    {
        x.WriteStartElement(element);
        foreach (var f in fields)
        {
            x.WriteStartElement("Field");
            x.WriteAttributeString("Name", f.Name);
            x.WriteAttributeString("Description", f.Description);
            x.WriteAttributeString("Length", (f.Length ?? 0).ToString(System.Globalization.CultureInfo.InvariantCulture));
            x.WriteAttributeString("FieldType", f.Type.ToString());
            x.WriteAttributeString("Mandatory", f.Required ? "true" : "false");
            x.WriteEndElement();
        }
        x.WriteEndElement();
    }
}
