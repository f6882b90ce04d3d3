using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Completion;

/// <summary>Keywords: declarations at the top level (as snippets), expression keywords elsewhere.</summary>
internal static class KeywordCompletions
{
    private static readonly (string Label, string Snippet, string Doc)[] Declarations =
    [
        ("use", "use ${1:System}", "Use a connector: `use Magento`, `use M3`."),
        ("import", "import \"${1:common.map}\"", "Import the constants, tables and maps of another .map file."),
        ("const", "const ${1:NAME} = ${0}", "A named constant."),
        ("table", "table ${1:Name}: string -> string {\n    \"${2:key}\" => \"${3:value}\"\n    default => \"${4:value}\"\n}", "A lookup table."),
        ("map", "map ${1:Source.Entity} -> ${2:Target.Entity} {\n    $0\n}", "A map from a source entity to a target entity."),
        ("flow", "flow ${1:Name} {\n    on ${2:webhook} ${3:magento} \"${4:order.created}\"\n    key ${5:increment_id}\n    $0\n}", "A flow: its trigger, idempotency key and steps, run by the host."),
    ];

    private static readonly string[] Expression = ["if", "then", "else", "match", "case", "null", "true", "false", "and", "or", "not"];

    public static IEnumerable<CompletionItem> TopLevel(TextSpan replace) =>
        Declarations.Select(d => new CompletionItem(d.Label, CompletionKind.Keyword, null, d.Doc, d.Snippet, true, "0" + d.Label, replace));

    public static IEnumerable<CompletionItem> InExpression(TextSpan replace) =>
        Expression.Select(k => new CompletionItem(k, CompletionKind.Keyword, null, null, k, false, "5" + k, replace));
}
