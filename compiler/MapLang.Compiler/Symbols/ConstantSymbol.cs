using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Symbols;

/// <summary>A named constant; its value is computed when the file is bound.</summary>
public sealed class ConstantSymbol(string name, ConstSyntax syntax, string filePath) : Symbol(name), IDeclaredSymbol
{
    public override SymbolKind Kind => SymbolKind.Constant;
    public ConstSyntax Syntax { get; } = syntax;
    public string FilePath { get; } = filePath;
    public TextSpan NameSpan => Syntax.Name.Span;
    public MapType Type { get; internal set; } = MapType.Error;
    public object? Value { get; internal set; }
}
