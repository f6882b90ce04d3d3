using MapLang.Compiler.Symbols;
using MapLang.Compiler.TypeSystem;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Binding;

/// <summary>A type-checked map: its source parameter, lets in dependency order, checks and field assignments.</summary>
public sealed record BoundMap(
    MapSymbol Symbol,
    ParameterSymbol Source,
    IReadOnlyList<LocalSymbol> Lets,
    IReadOnlyList<BoundRequire> Requires,
    IReadOnlyList<BoundAssignment> Assignments);

public sealed record BoundRequire(BoundExpression Condition, BoundExpression Message, string Location, Syntax.RequireSyntax Syntax);

public sealed record BoundAssignment(FieldSchema Field, MapType FieldType, BoundExpression Value, Syntax.AssignmentSyntax Syntax);
