using System.Diagnostics.CodeAnalysis;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Xml;
using MapLang.Host.Flows;

namespace MapLang.Host.Web;

/// <summary>
/// Turns an ION BOD posted as XML (<c>&lt;SyncPurchaseOrder&gt;</c> with <c>ApplicationArea</c> and <c>DataArea</c>) into the JSON
/// payload of a run: the root element's content, so a flow reads <c>ApplicationArea.BODID</c> and <c>DataArea.PurchaseOrder…</c>.
/// Elements become properties, repeated elements arrays, text values strings; namespaces are dropped. Attributes become properties
/// of the same name beside the child elements, and an element that has attributes or children keeps its text as <c>value</c>
/// (names that fit the language's paths); a name already taken there gets <c>@name</c> (attributes) or <c>#text</c> (text).
/// An element that occurs once is not a list unless a flow's trigger names it in <see cref="IonBodTrigger.Lists"/>.
/// DTDs are refused and nothing is resolved (no XXE); elements nest at most <c>maxDepth</c> deep, like JSON bodies.
/// </summary>
public static class IonBodReader
{
    private const string XmlnsNamespace = "http://www.w3.org/2000/xmlns/";
    private const string SchemaInstanceNamespace = "http://www.w3.org/2001/XMLSchema-instance";

    private static readonly XmlReaderSettings Settings = new()
    {
        DtdProcessing = DtdProcessing.Prohibit,
        XmlResolver = null,
        IgnoreComments = true,
        IgnoreProcessingInstructions = true,
        IgnoreWhitespace = true,
    };

    /// <summary>Whether a webhook body is an XML BOD: posted to <c>/webhooks/ion/…</c> as <c>application/xml</c>, <c>text/xml</c> or <c>…+xml</c>.</summary>
    public static bool Takes(string connector, string? contentType)
    {
        if (!string.Equals(connector, "ion", StringComparison.OrdinalIgnoreCase) || contentType is null) return false;
        var mediaType = contentType.Split(';')[0].Trim();
        return mediaType.Equals("application/xml", StringComparison.OrdinalIgnoreCase) || mediaType.Equals("text/xml", StringComparison.OrdinalIgnoreCase)
               || mediaType.EndsWith("+xml", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Reads a BOD whose root must be <c>&lt;{Verb}{noun}&gt;</c> with a <c>DataArea</c> holding <c>&lt;{Verb}&gt;</c> and <c>&lt;{noun}&gt;</c>
    /// for the <paramref name="flows"/> it starts; gives its JSON (UTF-8) or the reason it is refused.
    /// </summary>
    public static bool TryRead(byte[] body, string noun, IEnumerable<FlowDefinition> flows, int maxDepth,
        [NotNullWhen(true)] out byte[]? json, [NotNullWhen(false)] out string? error)
    {
        json = null;
        JsonNode? root;
        string rootName;
        try
        {
            (root, rootName, error) = ReadTree(body, noun, maxDepth);
        }
        catch (XmlException e)
        {
            error = body.AsSpan().IndexOf("<!DOCTYPE"u8) >= 0
                ? "The ION BOD declares a DTD (<!DOCTYPE …>); DTDs are not accepted."
                : $"The ION BOD is not well-formed XML: {e.Message}";
            return false;
        }
        if (error is not null) return false;

        var verb = rootName[..^noun.Length];
        var bodNoun = rootName[^noun.Length..];
        if (root is not JsonObject { } bod || bod["DataArea"] is not JsonObject dataArea || !dataArea.ContainsKey(verb) || !dataArea.ContainsKey(bodNoun))
        {
            error = $"The ION BOD <{rootName}> has no DataArea with <{verb}> and <{bodNoun}>.";
            return false;
        }

        foreach (var list in flows.Select(f => f.Trigger).OfType<IonBodTrigger>().SelectMany(t => t.Lists ?? []))
            MakeList(bod, list.Split('.'), 0);

        var buffer = new System.Buffers.ArrayBufferWriter<byte>(body.Length);
        try
        {
            using var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { MaxDepth = maxDepth });
            bod.WriteTo(writer);
        }
        catch (InvalidOperationException)
        {
            error = TooDeep(maxDepth);
            return false;
        }
        json = buffer.WrittenSpan.ToArray();
        return true;
    }

    private static (JsonNode? Root, string RootName, string? Error) ReadTree(byte[] body, string noun, int maxDepth)
    {
        using var reader = XmlReader.Create(new MemoryStream(body, writable: false), Settings);
        var open = new Stack<Element>();
        var rootName = "";
        while (reader.Read())
        {
            switch (reader.NodeType)
            {
                case XmlNodeType.Element:
                    if (reader.Depth >= maxDepth) return (null, rootName, TooDeep(maxDepth));
                    if (open.Count == 0)
                    {
                        rootName = reader.LocalName;
                        if (rootName.Length <= noun.Length || !rootName.EndsWith(noun, StringComparison.OrdinalIgnoreCase))
                            return (null, rootName, $"The ION BOD's root element is <{rootName}>, not <Verb{noun}> (this endpoint takes {noun} BODs, e.g. <Sync{noun}>).");
                    }
                    var element = Element.Read(reader);
                    if (reader.IsEmptyElement)
                    {
                        if (Close(open, element) is { } emptyRoot) return (emptyRoot, rootName, null);
                    }
                    else open.Push(element);
                    break;
                case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                    open.Peek().AddText(reader.Value);
                    break;
                case XmlNodeType.EndElement:
                    if (Close(open, open.Pop()) is { } root) return (root, rootName, null);
                    break;
            }
        }
        throw new XmlException("Root element is missing.");
    }

    /// <summary>Wraps the element at a dotted path in a one-item array unless it is one already; the path runs through arrays on its way.</summary>
    private static void MakeList(JsonNode? node, string[] path, int at)
    {
        if (node is JsonArray items)
        {
            foreach (var item in items) MakeList(item, path, at);
            return;
        }
        if (node is not JsonObject parent || !parent.TryGetPropertyValue(path[at], out var child) || child is null) return;
        if (at < path.Length - 1) MakeList(child, path, at + 1);
        else if (child is not JsonArray)
        {
            parent[path[at]] = null;
            parent[path[at]] = new JsonArray(child);
        }
    }

    /// <summary>Adds a finished element to its parent; gives the element's JSON when it is the root.</summary>
    private static JsonNode? Close(Stack<Element> open, Element element)
    {
        if (open.Count == 0) return element.ToJson();
        open.Peek().AddChild(element.Name, element.ToJson());
        return null;
    }

    private static string TooDeep(int maxDepth) => $"The ION BOD nests deeper than {maxDepth} levels.";

    private sealed class Element(string name)
    {
        private readonly List<(string Name, string Value)> _attributes = [];
        private readonly OrderedDictionary<string, List<JsonNode>> _children = new(StringComparer.Ordinal);
        private System.Text.StringBuilder? _text;

        public string Name { get; } = name;

        /// <summary>The element the reader is on, with its attributes (namespace declarations and xsi:* are not data).</summary>
        public static Element Read(XmlReader reader)
        {
            var element = new Element(reader.LocalName);
            while (reader.MoveToNextAttribute())
            {
                if (reader.NamespaceURI is XmlnsNamespace or SchemaInstanceNamespace) continue;
                element._attributes.Add((reader.LocalName, reader.Value));
            }
            reader.MoveToElement();
            return element;
        }

        public void AddText(string text) => (_text ??= new()).Append(text);

        public void AddChild(string name, JsonNode value)
        {
            if (_children.TryGetValue(name, out var values)) values.Add(value);
            else _children.Add(name, [value]);
        }

        public JsonNode ToJson()
        {
            var text = _text?.ToString() ?? "";
            if (_children.Count == 0 && _attributes.Count == 0) return JsonValue.Create(text);
            var json = new JsonObject();
            foreach (var (name, values) in _children) json[name] = values.Count == 1 ? values[0] : new JsonArray([.. values]);
            foreach (var (name, value) in _attributes) json[json.ContainsKey(name) ? "@" + name : name] = value;
            if (text.Length > 0) json[json.ContainsKey("value") ? "#text" : "value"] = text;
            return json;
        }
    }
}
