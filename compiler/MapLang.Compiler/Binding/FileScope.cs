using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;

namespace MapLang.Compiler.Binding;

/// <summary>What a file can name: the connectors it uses, and the constants, tables and maps of itself and the files it imports.</summary>
public sealed class FileScope(SyntaxTree tree)
{
    public SyntaxTree Tree { get; } = tree;
    public HashSet<string> UsedSystems { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, ConstantSymbol> Constants { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, TableSymbol> Tables { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, MapSymbol> Maps { get; } = new(StringComparer.Ordinal);

    /// <summary>The declarations made in this file itself (imports excluded), in source order.</summary>
    public List<Symbol> Declared { get; } = [];
    public List<string> Imports { get; } = [];
}
