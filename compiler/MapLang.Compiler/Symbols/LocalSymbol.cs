using MapLang.Compiler.Binding;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Symbols;

/// <summary>A <c>let</c> of a map body. Lets may be used before they are written; cycles are reported.</summary>
public sealed class LocalSymbol(string name, LetSyntax syntax, string filePath) : Symbol(name), IDeclaredSymbol
{
    public override SymbolKind Kind => SymbolKind.Local;
    public LetSyntax Syntax { get; } = syntax;
    public string FilePath { get; } = filePath;
    public TextSpan NameSpan => Syntax.Name.Span;
    public MapType Type => Value?.Type ?? MapType.Error;
    public BoundExpression? Value { get; internal set; }
    internal bool IsBinding { get; set; }
    public bool IsUsed { get; internal set; }
}
