using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.TypeSystem;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Binding;

/// <summary>A type-checked expression: what the emitter turns into C#.</summary>
public abstract record BoundExpression(MapType Type, SyntaxNode Syntax);

/// <summary>An expression that failed to bind; the error has been reported.</summary>
public sealed record BoundError(SyntaxNode Syntax) : BoundExpression(MapType.Error, Syntax);

/// <summary>A constant: string, long, decimal, bool, DateOnly, DateTimeOffset or null.</summary>
public sealed record BoundLiteral(object? Value, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

public sealed record BoundParameter(ParameterSymbol Parameter, SyntaxNode Syntax) : BoundExpression(Parameter.Type, Syntax);

public sealed record BoundLocal(LocalSymbol Local, SyntaxNode Syntax) : BoundExpression(Local.Type, Syntax);

public sealed record BoundConstant(ConstantSymbol Constant, SyntaxNode Syntax) : BoundExpression(Constant.Type, Syntax);

/// <summary>Reading a field of a record; <see cref="IsNullSafe"/> for <c>?.</c>.</summary>
public sealed record BoundField(BoundExpression Receiver, FieldSchema Field, bool IsNullSafe, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

/// <summary>The <c>key</c> or <c>items</c> of a group made by groupBy.</summary>
public sealed record BoundGroupMember(BoundExpression Receiver, bool IsKey, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

public sealed record BoundIndex(BoundExpression List, BoundExpression Index, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

public sealed record BoundUnary(UnaryOperator Operator, BoundExpression Operand, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

public sealed record BoundBinary(BoundExpression Left, BinaryOperator Operator, BoundExpression Right, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

public sealed record BoundConditional(BoundExpression Condition, BoundExpression WhenTrue, BoundExpression WhenFalse, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

public sealed record BoundMatch(BoundExpression Subject, IReadOnlyList<BoundMatchArm> Arms, BoundExpression? Else, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

public sealed record BoundMatchArm(IReadOnlyList<BoundExpression> Patterns, BoundExpression Value);

/// <summary>A call of a function's method.</summary>
public sealed record BoundCall(FunctionSymbol Function, IReadOnlyList<BoundExpression> Arguments, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

/// <summary><c>lookup(Table, key[, default])</c>.</summary>
public sealed record BoundTableLookup(TableSymbol Table, BoundExpression Key, BoundExpression? Default, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

/// <summary><c>lookup(key)</c> assigned to a field: the host resolves the field's value, e.g. a customer number by e-mail.</summary>
public sealed record BoundRuntimeLookup(string Name, BoundExpression Key, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

/// <summary><c>fail("...")</c>: raises a mapping error the host dead-letters.</summary>
public sealed record BoundFail(BoundExpression Message, string Location, SyntaxNode Syntax) : BoundExpression(MapType.Never, Syntax);

public sealed record BoundInterpolation(IReadOnlyList<BoundExpression> Parts, SyntaxNode Syntax) : BoundExpression(MapType.String, Syntax);

public sealed record BoundList(IReadOnlyList<BoundExpression> Items, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

/// <summary>A value made to fit a wider type: int to decimal, an enum to its text, null or fail(...) to a typed value.</summary>
public sealed record BoundConversion(BoundExpression Operand, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);

public enum CollectionOperation { Filter, Select, MapEach, Sum, Count, First, Any, All, GroupBy, Min, Max }

/// <summary>
/// A list operation: <c>items.filter(qty > 0)</c>, <c>items.map(LineMap)</c>, <c>lines.sum(price * qty)</c>…
/// <see cref="Element"/> is the element in scope in <see cref="Body"/>; <see cref="Map"/> is set for MapEach.
/// </summary>
public sealed record BoundCollection(
    CollectionOperation Operation,
    BoundExpression Source,
    ParameterSymbol? Element,
    BoundExpression? Body,
    MapSymbol? Map,
    MapType Type,
    SyntaxNode Syntax) : BoundExpression(Type, Syntax);

/// <summary><c>AddressMap(billing_address)</c>: a map applied to one record; only assignable to a field as a whole.</summary>
public sealed record BoundMapCall(MapSymbol Map, BoundExpression Argument, MapType Type, SyntaxNode Syntax) : BoundExpression(Type, Syntax);
