using MapLang.Compiler.Binding;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.TypeSystem;
using static MapLang.Compiler.Emit.CSharpNames;

namespace MapLang.Compiler.Emit;

/// <summary>Turns bound expressions into C# expressions over the generated source classes.</summary>
internal sealed class ExpressionEmitter(TableEmitter tables)
{
    private readonly Dictionary<ParameterSymbol, string> _parameters = [];
    private int _next;

    public void Name(ParameterSymbol parameter, string name) => _parameters[parameter] = name;

    public string NewName(string hint) => $"{Identifier(hint)}_{++_next}";

    public static string Local(LocalSymbol local) => "l_" + Identifier(local.Name);

    public string Emit(BoundExpression e) => e switch
    {
        BoundLiteral { Value: null } => "null",
        BoundLiteral l => Literal(l.Value, l.Type),
        BoundConstant c => Literal(c.Constant.Value, c.Constant.Type),
        BoundParameter p => ParameterName(p.Parameter),
        BoundLocal l => Local(l.Local),
        BoundField f => EmitField(f),
        BoundGroupMember g => $"{Emit(g.Receiver)}{(g.Receiver.Type.IsNullable ? "?." : ".")}{(g.IsKey ? "Key" : "Items")}",
        BoundIndex i => $"{Mapping}.Seq.{(IsValueType(i.Type) ? "AtValue" : "At")}({Emit(i.List)}, {Emit(i.Index)})",
        BoundUnary u => u.Operator == UnaryOperator.Not ? $"!({Emit(u.Operand)})"
            : u.Type.Kind == TypeKind.Int ? $"checked(-({Emit(u.Operand)}))" : $"(-({Emit(u.Operand)}))",
        BoundBinary b => EmitBinary(b),
        BoundConditional c => $"({Emit(c.Condition)} ? {Arm(c.WhenTrue, c.Type)} : {Arm(c.WhenFalse, c.Type)})",
        BoundMatch m => EmitMatch(m),
        BoundCall c => EmitCall(c),
        BoundTableLookup t => tables.EmitLookup(t, Emit(t.Key), t.Default is null ? null : Arm(t.Default, t.Type)),
        BoundRuntimeLookup r => $"context.Lookup({String(r.Name)}, {Mapping}.Text.Of({Emit(r.Key)}))",
        BoundFail f => $"{Mapping}.Failure.Raise<object>({Emit(f.Message)}, {String(f.Location)})",
        BoundInterpolation i => EmitInterpolation(i),
        BoundList l => $"new {Type(l.Type.AsNonNull())} {{ {string.Join(", ", l.Items.Select(Emit))} }}",
        BoundConversion c => EmitConversion(c),
        BoundCollection c => EmitCollection(c),
        _ => throw new InvalidOperationException($"Cannot emit {e.GetType().Name}: binding should have reported it."),
    };

    /// <summary>A value where C# allows a throw expression (??, ?:, switch arms): fail(...) throws directly.</summary>
    public string Arm(BoundExpression e, MapType type) => e switch
    {
        BoundFail f => $"throw {Mapping}.Failure.Create({Emit(f.Message)}, {String(f.Location)})",
        _ => $"({Type(type)})({Emit(e)})",
    };

    private string ParameterName(ParameterSymbol p) =>
        _parameters.TryGetValue(p, out var name) ? name : throw new InvalidOperationException($"Parameter {p.Name} has no C# name.");

    private string EmitField(BoundField f)
    {
        var access = $"{Emit(f.Receiver)}{(f.IsNullSafe ? "?." : ".")}{Field(f.Field.Name)}";
        // Non-null fields were checked when the record was read.
        if (f.Type.IsNullable) return access;
        return IsValueType(f.Type) ? $"{access}.GetValueOrDefault()" : $"{access}!";
    }

    private string EmitBinary(BoundBinary b)
    {
        var left = Emit(b.Left);
        switch (b.Operator)
        {
            case BinaryOperator.Coalesce:
                // The schema says the left side is never null (a missing value fails when the record is read): it is the value.
                if (!b.Left.Type.IsNullable && b.Left.Type.Kind != TypeKind.Null) return left;
                return $"({left} ?? {(b.Right is BoundFail ? Arm(b.Right, b.Type) : Emit(b.Right))})";
            case BinaryOperator.Add when b.Type.Kind == TypeKind.String:
                return $"string.Concat({left}, {Emit(b.Right)})";
        }
        var right = Emit(b.Right);
        var op = b.Operator switch
        {
            BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*",
            BinaryOperator.Divide => "/", BinaryOperator.Modulo => "%",
            BinaryOperator.Less => "<", BinaryOperator.LessOrEqual => "<=", BinaryOperator.Greater => ">",
            BinaryOperator.GreaterOrEqual => ">=", BinaryOperator.Equal => "==", BinaryOperator.NotEqual => "!=",
            BinaryOperator.And => "&&", BinaryOperator.Or => "||",
            _ => throw new InvalidOperationException(b.Operator.ToString()),
        };
        var expression = $"({left} {op} {right})";
        return b.Type.Kind == TypeKind.Int && op is "+" or "-" or "*" ? $"checked{expression}" : expression;
    }

    private string EmitMatch(BoundMatch m)
    {
        var subject = Emit(m.Subject);
        var underlying = m.Subject.Type.UnderlyingKind;
        var fallback = m.Else is null ? $"default({Type(m.Type.AsNullable())})" : Arm(m.Else, m.Type);
        if (underlying is TypeKind.String or TypeKind.Int or TypeKind.Decimal or TypeKind.Bool)
        {
            var arms = m.Arms.Select(a =>
                $"{string.Join(" or ", a.Patterns.Select(p => Literal(((BoundLiteral)p).Value, m.Subject.Type.AsNonNull())))} => {Arm(a.Value, m.Type)}");
            return $"({subject} switch {{ {string.Join(", ", arms.Append($"_ => {fallback}"))} }})";
        }
        // Dates are not C# pattern constants: compare in order.
        var name = NewName("subject");
        var chain = fallback;
        foreach (var arm in m.Arms.Reverse())
        {
            var test = string.Join(" || ", arm.Patterns.Select(p => $"{name} == {Literal(((BoundLiteral)p).Value, m.Subject.Type.AsNonNull())}"));
            chain = $"({test} ? {Arm(arm.Value, m.Type)} : {chain})";
        }
        return $"((global::System.Func<{Type(m.Subject.Type)}, {Type(m.Type)}>)(({name}) => {chain}))({subject})";
    }

    private string EmitCall(BoundCall c)
    {
        var method = c.Function.Method!;
        var type = method.DeclaringType!.FullName!.Replace('+', '.');
        // Scalars are cast to the parameter's type so that C# picks the overload the binder chose; a list is passed as it
        // is (List<T> fits IReadOnlyList<T> whatever its items' nullability, which the language does not track).
        var arguments = c.Arguments.Select((a, i) => a.Type.Kind == TypeKind.List
            ? Emit(a)
            : $"({Type(c.Function.Parameters[i].Type.WithNullability(c.Function.Parameters[i].Type.IsNullable || a.Type.IsNullable))})({Emit(a)})");
        return $"global::{type}.{method.Name}({string.Join(", ", arguments)})";
    }

    private string EmitInterpolation(BoundInterpolation i)
    {
        var parts = i.Parts.Select(p => p is BoundLiteral { Value: string s } ? String(s) : $"{Mapping}.Text.Of({Emit(p)})").ToArray();
        return parts.Length switch
        {
            0 => "\"\"",
            1 => parts[0],
            _ => $"string.Concat({string.Join(", ", parts)})",
        };
    }

    private string EmitConversion(BoundConversion c)
    {
        if (c.Operand is BoundFail f) return $"{Mapping}.Failure.Raise<{Type(c.Type)}>({Emit(f.Message)}, {String(f.Location)})";
        if (c.Operand.Type.Kind == TypeKind.Null) return $"default({Type(c.Type.AsNullable())})";
        var operand = Emit(c.Operand);
        if (c.Type.Kind == TypeKind.Decimal && c.Operand.Type.UnderlyingKind == TypeKind.Int) return $"(({Type(c.Type)})({operand}))";
        return operand;
    }

    private string EmitCollection(BoundCollection c)
    {
        var source = Emit(c.Source);
        var lambda = c.Body is null ? null : Lambda(c.Element!, c.Body, c.Operation is CollectionOperation.Sum or CollectionOperation.Min or CollectionOperation.Max ? c.Body.Type.AsNullable() : null);
        var element = c.Source.Type.Element!;
        return c.Operation switch
        {
            CollectionOperation.Filter => $"{Mapping}.Seq.Filter({source}, {lambda})",
            CollectionOperation.Select => $"{Mapping}.Seq.Select({source}, {lambda})",
            CollectionOperation.Count => lambda is null ? $"{Mapping}.Seq.Count({source})" : $"{Mapping}.Seq.Count({source}, {lambda})",
            CollectionOperation.Any => lambda is null ? $"{Mapping}.Seq.Any({source})" : $"{Mapping}.Seq.Any({source}, {lambda})",
            CollectionOperation.All => $"{Mapping}.Seq.All({source}, {lambda})",
            CollectionOperation.First => $"{Mapping}.Seq.{(IsValueType(element) ? "FirstValue" : "First")}({source}{(lambda is null ? "" : ", " + lambda)})",
            CollectionOperation.Sum => $"{Mapping}.Seq.{(c.Type.Kind == TypeKind.Int ? "SumInt" : "Sum")}({source}, {lambda ?? Identity(element)})",
            CollectionOperation.Min => $"{Mapping}.Seq.Min({source}, {lambda ?? Identity(element)})",
            CollectionOperation.Max => $"{Mapping}.Seq.Max({source}, {lambda ?? Identity(element)})",
            CollectionOperation.GroupBy => $"{Mapping}.Seq.GroupBy({source}, {lambda})",
            _ => throw new InvalidOperationException($"{c.Operation} is emitted by the map emitter."),
        };
    }

    private string Identity(MapType element) => $"(({Type(element)} x) => ({Type(element.AsNullable())})x)";

    public string Lambda(ParameterSymbol parameter, BoundExpression body, MapType? resultType = null)
    {
        var name = NewName(parameter.Name);
        Name(parameter, name);
        var value = resultType is null ? Emit(body) : $"({Type(resultType)})({Emit(body)})";
        return $"(({Type(parameter.Type)} {name}) => {value})";
    }
}
