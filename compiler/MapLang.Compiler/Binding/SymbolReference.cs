using MapLang.Compiler.Symbols;
using MapLang.Compiler.Text;
using MapLang.Compiler.TypeSystem;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Binding;

/// <summary>What a name in the text refers to, recorded while binding for hover, definition, references and rename.</summary>
public abstract record SymbolReference(TextSpan Span);

public sealed record SymbolUse(Symbol Symbol, TextSpan Span) : SymbolReference(Span);

/// <summary>A field of a schema entity, read (<see cref="IsTarget"/> false) or assigned.</summary>
public sealed record FieldUse(EntitySchema Entity, FieldSchema Field, MapType Type, bool IsTarget, TextSpan Span) : SymbolReference(Span);

public sealed record EntityUse(EntitySchema Entity, TextSpan Span) : SymbolReference(Span);

public sealed record SystemUse(SystemSchema System, TextSpan Span) : SymbolReference(Span);
