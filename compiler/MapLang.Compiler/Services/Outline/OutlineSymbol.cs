using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Outline;

public enum OutlineKind { Connector, Import, Constant, Table, Map, Local, Field, Require }

/// <summary>An entry of the document outline: <see cref="Span"/> is the whole declaration, <see cref="NameSpan"/> what to select.</summary>
public sealed record OutlineSymbol(string Name, string? Detail, OutlineKind Kind, TextSpan Span, TextSpan NameSpan, IReadOnlyList<OutlineSymbol> Children);
