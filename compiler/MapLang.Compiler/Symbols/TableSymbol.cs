using MapLang.Compiler.Binding;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Symbols;

/// <summary>A lookup table: rows of constant keys and values, inline or from a CSV file, with an optional default.</summary>
public sealed class TableSymbol(string name, MapType keyType, MapType valueType, TableSyntax syntax, string filePath)
    : Symbol(name), IDeclaredSymbol
{
    public override SymbolKind Kind => SymbolKind.Table;
    public MapType KeyType { get; } = keyType;
    public MapType ValueType { get; } = valueType;
    public TableSyntax Syntax { get; } = syntax;
    public string FilePath { get; } = filePath;
    public TextSpan NameSpan => Syntax.Name.Span;
    public MapType Type => ValueType;

    /// <summary>The rows, in order, keys and values as constants of <see cref="KeyType"/> and <see cref="ValueType"/>.</summary>
    public IReadOnlyList<(object Key, object? Value)> Rows { get; internal set; } = [];
    public BoundExpression? Default { get; internal set; }
    /// <summary>Set for a CSV table: the file the rows came from.</summary>
    public string? CsvPath { get; internal set; }
}
