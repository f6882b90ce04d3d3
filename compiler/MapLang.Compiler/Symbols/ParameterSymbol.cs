using MapLang.Compiler.Text;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Symbols;

/// <summary>
/// A value in scope inside a map or a list operation: the map's source, a lambda's parameter, or the
/// implicit element of <c>items.filter(qty > 0)</c> whose fields are in scope by name.
/// </summary>
public sealed class ParameterSymbol(string name, MapType type, bool fieldsInScope, TextSpan nameSpan, string filePath) : Symbol(name), IDeclaredSymbol
{
    public override SymbolKind Kind => SymbolKind.Parameter;
    public MapType Type { get; } = type;
    /// <summary>True for a map's source and an implicit element: their fields are names in scope.</summary>
    public bool FieldsInScope { get; } = fieldsInScope;
    public TextSpan NameSpan { get; } = nameSpan;
    public string FilePath { get; } = filePath;
}
