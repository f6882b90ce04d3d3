using System.Text.RegularExpressions;
using MapLang.Compiler.Binding;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Navigation;

/// <summary>Renames what the file declares (lets, constants, tables, named maps) everywhere the compilation uses it. Schema names are not the file's to rename.</summary>
public static partial class RenameService
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "use", "import", "const", "table", "from", "columns", "default", "map", "let", "require", "if", "then", "else",
        "match", "case", "and", "or", "not", "true", "false", "null", "list",
    };

    /// <summary>The span of the name that would be renamed, or null when the cursor is not on a renamable name.</summary>
    public static TextSpan? Prepare(DocumentAnalysis analysis, int position) =>
        Target(analysis, position) is not null ? analysis.Model.ReferenceAt(position)!.Span : null;

    public static RenameResult Rename(DocumentAnalysis analysis, int position, string newName)
    {
        if (Target(analysis, position) is not { } symbol) return RenameResult.Fail("Only lets, constants, tables and named maps can be renamed here.");
        if (!Identifier().IsMatch(newName) || Keywords.Contains(newName)) return RenameResult.Fail($"'{newName}' is not a valid name.");
        var edits = ReferenceService.FindReferences(analysis, position, includeDeclaration: true)
            .Select(l => new FileEdit(l, newName))
            .ToArray();
        return new RenameResult(edits, null);
    }

    private static Symbol? Target(DocumentAnalysis analysis, int position) => analysis.Model.ReferenceAt(position) switch
    {
        SymbolUse { Symbol: LocalSymbol or ConstantSymbol or TableSymbol } use => use.Symbol,
        SymbolUse { Symbol: MapSymbol { IsNamed: true } } use => use.Symbol,
        _ => null,
    };

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex Identifier();
}

public sealed record RenameResult(IReadOnlyList<FileEdit> Edits, string? Error)
{
    public static RenameResult Fail(string error) => new([], error);
}
