using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using MapLang.Compiler.TypeSystem;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Symbols;

/// <summary>A map from a source entity to a target entity; named by the user or after its entities.</summary>
public sealed class MapSymbol(string name, bool isNamed, EntitySchema? source, EntitySchema? target, MapSyntax syntax, string filePath)
    : Symbol(name), IDeclaredSymbol
{
    public override SymbolKind Kind => SymbolKind.Map;
    public bool IsNamed { get; } = isNamed;
    public EntitySchema? Source { get; } = source;
    public EntitySchema? Target { get; } = target;
    public MapSyntax Syntax { get; } = syntax;
    public string FilePath { get; } = filePath;
    public TextSpan NameSpan => Syntax.Name?.Span ?? Syntax.Source.Span;
    public MapType Type => Target is null ? MapType.Error : MapType.RecordOf(Target, RecordRole.Target);
    public MapType SourceType => Source is null ? MapType.Error : MapType.RecordOf(Source, RecordRole.Source);
}
