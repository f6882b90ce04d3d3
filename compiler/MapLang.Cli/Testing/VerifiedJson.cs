using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace MapLang.Cli.Testing;

/// <summary>How verified and received files are written: indented by two spaces, '\n' line ends, characters unescaped.</summary>
public static class VerifiedJson
{
    public static readonly JsonSerializerOptions IndentedOptions = new()
    {
        WriteIndented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static readonly JsonSerializerOptions CompactOptions = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    private static readonly JsonDocumentOptions ReadOptions = new() { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true };

    public static JsonNode? Parse(string text) => JsonNode.Parse(text, documentOptions: ReadOptions);

    /// <summary>The canonical text of a record: what a .verified.json holds (ends with a line break).</summary>
    public static string Format(JsonNode? node) => (node is null ? "null" : node.ToJsonString(IndentedOptions)) + "\n";

    /// <summary>Line ends and a trailing line break do not count when texts (error messages) are compared.</summary>
    public static string NormalizeText(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal).TrimEnd('\n') + "\n";
}
