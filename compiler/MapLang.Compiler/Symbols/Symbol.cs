using MapLang.Compiler.Text;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Symbols;

/// <summary>Something a name can mean: a map, table, constant, local, parameter or function.</summary>
public abstract class Symbol(string name)
{
    public string Name { get; } = name;
    public abstract SymbolKind Kind { get; }
    public override string ToString() => $"{Kind} {Name}";
}

public enum SymbolKind { Map, Table, Constant, Local, Parameter, Function }

/// <summary>A symbol declared in a file, with the place of its name (for go-to-definition and rename).</summary>
public interface IDeclaredSymbol
{
    string FilePath { get; }
    TextSpan NameSpan { get; }
    MapType Type { get; }
}
