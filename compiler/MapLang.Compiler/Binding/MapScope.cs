using MapLang.Compiler.Symbols;

namespace MapLang.Compiler.Binding;

/// <summary>The names of one map body: its source and its lets (usable before they are written).</summary>
public sealed class MapScope(MapSymbol map, ParameterSymbol source, IReadOnlyDictionary<string, LocalSymbol> lets, Func<LocalSymbol, Binding.BoundExpression> bindLet)
{
    public MapSymbol Map { get; } = map;
    public ParameterSymbol Source { get; } = source;
    public IReadOnlyDictionary<string, LocalSymbol> Lets { get; } = lets;

    /// <summary>Binds a let on first use; a let reached again while it is being bound is a cycle.</summary>
    public BoundExpression BindLet(LocalSymbol local) => bindLet(local);
}
