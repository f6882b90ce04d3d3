using System.Globalization;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace MapLang.Cli.Testing;

/// <summary>
/// Replaces volatile values (dates, generated ids) before a received record is compared, as Verify's scrubbers do.
/// A path scrubber (<c>lines[*].DWDT</c>, <c>*</c> for any property, <c>[*]</c> for any index) replaces the whole value;
/// a pattern scrubber replaces every regex match inside string values (and inside an expected error message).
/// In a replacement, <c>{n}</c> numbers the distinct scrubbed values 1, 2, … in order of appearance (Verify's <c>Guid_1</c>).
/// </summary>
public sealed class Scrubber
{
    private const string DatePattern =
        @"\b\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])([T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?)?\b|^(19|20)\d{2}(0[1-9]|1[0-2])(0[1-9]|[12]\d|3[01])$";
    private const string GuidPattern = @"\b[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\b";

    private readonly IReadOnlyList<Segment>? path;
    private readonly Regex? pattern;
    private readonly string replacement;
    private readonly Dictionary<string, int> numbers = new(StringComparer.Ordinal);

    private Scrubber(IReadOnlyList<Segment>? path, Regex? pattern, string replacement)
    {
        this.path = path;
        this.pattern = pattern;
        this.replacement = replacement;
    }

    /// <summary>Builds scrubbers from their declarations; a fresh set per case keeps the numbering per case.</summary>
    public static IReadOnlyList<Scrubber> Create(IEnumerable<ScrubberSpec> specs) => [.. specs.Select(Create)];

    public static Scrubber Create(ScrubberSpec spec)
    {
        if (spec.Path is not null) return new Scrubber(ParsePath(spec.Path), null, spec.Replacement ?? "{scrubbed}");
        if (spec.Pattern is not null)
        {
            try
            {
                return new Scrubber(null, new Regex(spec.Pattern, RegexOptions.CultureInvariant, TimeSpan.FromSeconds(1)), spec.Replacement ?? "{scrubbed}");
            }
            catch (ArgumentException e)
            {
                throw new TestSuiteException($"scrubber pattern \"{spec.Pattern}\" is not a valid regular expression: {e.Message}");
            }
        }
        return spec.Builtin switch
        {
            "dates" => new Scrubber(null, new Regex(DatePattern, RegexOptions.CultureInvariant), spec.Replacement ?? "Date_{n}"),
            "guids" => new Scrubber(null, new Regex(GuidPattern, RegexOptions.CultureInvariant), spec.Replacement ?? "Guid_{n}"),
            _ => throw new TestSuiteException($"unknown built-in scrubber \"{spec.Builtin}\": use \"dates\" or \"guids\"."),
        };
    }

    /// <summary>Scrubs a JSON tree in place and returns it (the root itself may be replaced).</summary>
    public JsonNode? Apply(JsonNode? root)
    {
        if (path is not null) return ApplyPath(root, 0);
        return ApplyPattern(root);
    }

    /// <summary>Scrubs a text (an expected error message); path scrubbers leave text alone.</summary>
    public string Apply(string text) => pattern is null ? text : pattern.Replace(text, m => Replace(m.Value));

    private JsonNode? ApplyPath(JsonNode? node, int index)
    {
        if (index == path!.Count) return node is null ? null : JsonValue.Create(Replace(node.ToJsonString()));
        var segment = path[index];
        switch (node)
        {
            case JsonObject obj when segment.Kind is SegmentKind.Property or SegmentKind.AnyProperty:
                foreach (var key in obj.Select(p => p.Key).ToList())
                {
                    if (segment.Kind == SegmentKind.Property && key != segment.Name) continue;
                    obj[key] = ApplyPath(obj[key]?.DeepClone(), index + 1);
                }
                break;
            case JsonArray array when segment.Kind is SegmentKind.Index or SegmentKind.AnyIndex:
                for (var i = 0; i < array.Count; i++)
                {
                    if (segment.Kind == SegmentKind.Index && i != segment.Index) continue;
                    array[i] = ApplyPath(array[i]?.DeepClone(), index + 1);
                }
                break;
        }
        return node;
    }

    private JsonNode? ApplyPattern(JsonNode? node)
    {
        switch (node)
        {
            case JsonObject obj:
                foreach (var key in obj.Select(p => p.Key).ToList()) obj[key] = ApplyPattern(obj[key]?.DeepClone());
                return obj;
            case JsonArray array:
                for (var i = 0; i < array.Count; i++) array[i] = ApplyPattern(array[i]?.DeepClone());
                return array;
            case JsonValue value when value.TryGetValue<string>(out var text):
                var scrubbed = Apply(text);
                return scrubbed == text ? value : JsonValue.Create(scrubbed);
            default:
                return node;
        }
    }

    private string Replace(string original)
    {
        if (!replacement.Contains("{n}", StringComparison.Ordinal)) return replacement;
        if (!numbers.TryGetValue(original, out var n)) numbers[original] = n = numbers.Count + 1;
        return replacement.Replace("{n}", n.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);
    }

    private static IReadOnlyList<Segment> ParsePath(string text)
    {
        var segments = new List<Segment>();
        var s = text.StartsWith("$.", StringComparison.Ordinal) ? text[2..] : text == "$" ? "" : text;
        var i = 0;
        while (i < s.Length)
        {
            if (s[i] == '.') { i++; continue; }
            if (s[i] == '[')
            {
                var close = s.IndexOf(']', i);
                if (close < 0) throw new TestSuiteException($"scrubber path \"{text}\": '[' without ']'.");
                var inner = s[(i + 1)..close];
                if (inner == "*") segments.Add(new Segment(SegmentKind.AnyIndex, null, 0));
                else if (int.TryParse(inner, NumberStyles.None, CultureInfo.InvariantCulture, out var n)) segments.Add(new Segment(SegmentKind.Index, null, n));
                else if (inner.Length >= 2 && inner[0] is '"' or '\'' && inner[^1] == inner[0]) segments.Add(new Segment(SegmentKind.Property, inner[1..^1], 0));
                else throw new TestSuiteException($"scrubber path \"{text}\": [{inner}] is neither an index, [*] nor [\"name\"].");
                i = close + 1;
                continue;
            }
            var end = i;
            while (end < s.Length && s[end] is not '.' and not '[') end++;
            var name = s[i..end];
            segments.Add(name == "*" ? new Segment(SegmentKind.AnyProperty, null, 0) : new Segment(SegmentKind.Property, name, 0));
            i = end;
        }
        return segments;
    }

    private enum SegmentKind { Property, AnyProperty, Index, AnyIndex }

    private sealed record Segment(SegmentKind Kind, string? Name, int Index);
}
