using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Binding;

/// <summary>
/// Binds expressions inside a map body (or a constant, or a table row): resolves names through the
/// scope chain, checks types, and records what each name refers to. Every failure reports once and
/// yields <see cref="BoundError"/>, whose error type fits everywhere so nothing cascades.
/// </summary>
public sealed partial class ExpressionBinder(BindingContext context, MapScope? map)
{
    private readonly List<ParameterSymbol> _elementScopes = [];

    private DiagnosticBag Diagnostics => context.Diagnostics;

    public BoundExpression Bind(ExpressionSyntax syntax) => syntax switch
    {
        MissingExpressionSyntax => new BoundError(syntax),
        ParenthesizedExpressionSyntax p => Bind(p.Inner),
        NumberLiteralSyntax n => n.IsInteger
            ? new BoundLiteral((long)n.Value, MapType.Int, n)
            : new BoundLiteral(n.Value, MapType.Decimal, n),
        BoolLiteralSyntax b => new BoundLiteral(b.Value, MapType.Bool, b),
        NullLiteralSyntax n => new BoundLiteral(null, MapType.Null, n),
        DateLiteralSyntax d => BindDate(d),
        StringExpressionSyntax s => BindString(s),
        NameExpressionSyntax n => BindName(n.Name),
        MemberExpressionSyntax m => BindMember(m),
        IndexExpressionSyntax i => BindIndex(i),
        CallExpressionSyntax c => BindCall(c),
        UnaryExpressionSyntax u => BindUnary(u),
        BinaryExpressionSyntax b => BindBinary(b),
        ConditionalExpressionSyntax c => BindConditional(c),
        MatchExpressionSyntax m => BindMatch(m),
        ListExpressionSyntax l => BindList(l),
        LambdaExpressionSyntax l => Error(l, DiagnosticCatalog.LambdaNotAllowed),
        _ => new BoundError(syntax),
    };

    /// <summary>Binds and converts to <paramref name="target"/>, reporting a mismatch as "{what} is {target}, but this value is …".</summary>
    public BoundExpression BindAndConvert(ExpressionSyntax syntax, MapType target, string what)
    {
        var bound = Bind(syntax);
        return Convert(bound, target, what);
    }

    public BoundExpression Convert(BoundExpression bound, MapType target, string what)
    {
        if (bound.Type.IsError || target.IsError) return bound;
        switch (Conversions.Classify(bound.Type, target))
        {
            case ConversionKind.Identity:
                return bound;
            case ConversionKind.Implicit:
                CheckEnumLiteral(bound, target);
                return new BoundConversion(bound, target.WithNullability(bound.Type.IsNullable && bound.Type.Kind != TypeKind.Never), bound.Syntax);
            default:
                Diagnostics.Report(DiagnosticCatalog.TypeMismatch, bound.Syntax.Span, what, target.Display, bound.Type.Display, ConversionHint(bound.Type, target));
                return new BoundError(bound.Syntax);
        }
    }

    private void CheckEnumLiteral(BoundExpression bound, MapType target)
    {
        if (target.Kind != TypeKind.Enum || bound is not BoundLiteral { Value: { } value }) return;
        var text = System.Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!;
        var members = target.Enum!.Members.Select(m => m.Value).ToArray();
        if (members.Contains(text, StringComparer.Ordinal)) return;
        var suggestions = Suggestions.Closest(text, members);
        Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownEnumValue, bound.Syntax.Span, suggestions.Select(s => $"\"{s}\"").ToArray(),
            text, target.Display, Suggestions.Phrase(suggestions).Length > 0 ? Suggestions.Phrase(suggestions) : $" Its values are {string.Join(", ", members.Take(12))}.");
    }

    private static string ConversionHint(MapType from, MapType to) => (from.UnderlyingKind, to.UnderlyingKind) switch
    {
        (TypeKind.String, TypeKind.Int) => " Convert it with toLong(...).",
        (TypeKind.String, TypeKind.Decimal) => " Convert it with toDecimal(...).",
        (TypeKind.Int or TypeKind.Decimal, TypeKind.String) => " Convert it with toString(...) or \"{...}\".",
        (TypeKind.Decimal, TypeKind.Int) => " Round it with round(...) and convert it with toLong(...).",
        (TypeKind.DateTime, TypeKind.Date) => " Take its date with toDate(...).",
        (TypeKind.String, TypeKind.Date or TypeKind.DateTime) => " Parse it with a date function such as parseDate(...).",
        (TypeKind.Date or TypeKind.DateTime, TypeKind.String) => " Format it with formatDate(...).",
        (TypeKind.Record, _) => " Read one of its fields, or apply a map to it.",
        (TypeKind.List, _) => " Use a list operation such as first(), count() or map(...).",
        _ => "",
    };

    // ------------------------------------------------------------------ literals

    private BoundExpression BindDate(DateLiteralSyntax d)
    {
        if (d.Value is not { } value) return new BoundError(d);
        return d.HasTime
            ? new BoundLiteral(value, MapType.DateTime, d)
            : new BoundLiteral(DateOnly.FromDateTime(value.UtcDateTime), MapType.Date, d);
    }

    private BoundExpression BindString(StringExpressionSyntax s)
    {
        if (s.IsPlain) return new BoundLiteral(s.PlainValue, MapType.String with { MaxLength = s.PlainValue.Length }, s);
        var parts = new List<BoundExpression>();
        foreach (var part in s.Parts)
        {
            switch (part)
            {
                case StringTextSyntax t:
                    parts.Add(new BoundLiteral(t.Value, MapType.String, t));
                    break;
                case InterpolationSyntax hole:
                    var value = Bind(hole.Expression);
                    if (!value.Type.IsError && !value.Type.IsPrimitive && value.Type.Kind is not (TypeKind.Null or TypeKind.Any))
                    {
                        Diagnostics.Report(DiagnosticCatalog.TypeMismatch, hole.Expression.Span, "An interpolated value", "text, a number, a date or bool", value.Type.Display, ConversionHint(value.Type, MapType.String));
                        value = new BoundError(hole.Expression);
                    }
                    parts.Add(value);
                    break;
            }
        }
        return new BoundInterpolation(parts, s);
    }

    private BoundExpression BindList(ListExpressionSyntax l)
    {
        var items = l.Items.Select(Bind).ToList();
        var element = items.Count == 0 ? MapType.String : items[0].Type;
        for (var i = 1; i < items.Count; i++)
        {
            if (Conversions.Common(element, items[i].Type) is { } common) element = common;
            else
            {
                Diagnostics.Report(DiagnosticCatalog.NoCommonType, items[i].Syntax.Span, element.Display, items[i].Type.Display);
                return new BoundError(l);
            }
        }
        var converted = items.Select(i => Convert(i, element, "A list item")).ToArray();
        return new BoundList(converted, MapType.ListOf(element), l);
    }

    // ------------------------------------------------------------------ operators

    private BoundExpression BindUnary(UnaryExpressionSyntax u)
    {
        var operand = Bind(u.Operand);
        if (operand.Type.IsError) return new BoundError(u);
        if (u.Operator == UnaryOperator.Not)
        {
            if (!RequireBool(operand)) return new BoundError(u);
            return new BoundUnary(UnaryOperator.Not, operand, MapType.Bool, u);
        }
        if (!operand.Type.IsNumeric)
        {
            Diagnostics.Report(DiagnosticCatalog.OperatorMismatch, u.Span, "-", operand.Type.Display, "nothing", " Only numbers can be negated.");
            return new BoundError(u);
        }
        if (operand is BoundLiteral { Value: long l }) return new BoundLiteral(-l, MapType.Int, u);
        if (operand is BoundLiteral { Value: decimal m }) return new BoundLiteral(-m, MapType.Decimal, u);
        return new BoundUnary(UnaryOperator.Negate, operand, operand.Type, u);
    }

    private bool RequireBool(BoundExpression e)
    {
        if (e.Type.IsError) return false;
        if (e.Type.Kind != TypeKind.Bool)
        {
            Diagnostics.Report(DiagnosticCatalog.ConditionNotBool, e.Syntax.Span, e.Type.Display, "");
            return false;
        }
        if (e.Type.IsNullable)
        {
            Diagnostics.Report(DiagnosticCatalog.ConditionNotBool, e.Syntax.Span, e.Type.Display, " It may be null: add `?? false`.");
            return false;
        }
        return true;
    }

    private BoundExpression BindBinary(BinaryExpressionSyntax b)
    {
        var left = Bind(b.Left);
        var right = Bind(b.Right);
        if (left.Type.IsError || right.Type.IsError) return new BoundError(b);
        var lt = left.Type;
        var rt = right.Type;
        var nullable = lt.IsNullable || rt.IsNullable;

        switch (b.Operator)
        {
            case BinaryOperator.And or BinaryOperator.Or:
                if (!RequireBool(left) | !RequireBool(right)) return new BoundError(b);
                return new BoundBinary(left, b.Operator, right, MapType.Bool, b);

            case BinaryOperator.Coalesce:
                if (lt.Kind == TypeKind.Null) return right;
                var common = Conversions.Common(lt.AsNonNull(), rt);
                if (common is null)
                    return Mismatch(b, "??", lt, rt, " Both sides must be the same type.");
                var result = common.WithNullability(rt.IsNullable && rt.Kind != TypeKind.Never);
                return new BoundBinary(Convert(left, common.AsNullable(), "The left side"), b.Operator,
                    rt.Kind == TypeKind.Never ? right : Convert(right, result, "The default"), result, b);

            case BinaryOperator.Equal or BinaryOperator.NotEqual:
                if (lt.Kind == TypeKind.Null || rt.Kind == TypeKind.Null)
                    return new BoundBinary(left, b.Operator, right, MapType.Bool, b);
                if (Conversions.Common(lt, rt) is not { } eq || !eq.IsPrimitive && eq.Kind != TypeKind.Any)
                    return Mismatch(b, b.Operator == BinaryOperator.Equal ? "==" : "!=", lt, rt, "");
                CheckEnumLiteral(right, lt);
                CheckEnumLiteral(left, rt);
                return new BoundBinary(Convert(left, eq.WithNullability(lt.IsNullable), "The left side"), b.Operator,
                    Convert(right, eq.WithNullability(rt.IsNullable), "The right side"), MapType.Bool, b);

            case BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual:
                if (Conversions.Common(lt, rt) is not { } cmp || cmp.UnderlyingKind is not (TypeKind.Int or TypeKind.Decimal or TypeKind.Date or TypeKind.DateTime))
                    return Mismatch(b, OperatorText(b.Operator), lt, rt, " Only numbers and dates can be ordered.");
                return new BoundBinary(Convert(left, cmp.WithNullability(lt.IsNullable), "The left side"), b.Operator,
                    Convert(right, cmp.WithNullability(rt.IsNullable), "The right side"), MapType.Bool, b);

            case BinaryOperator.Add when lt.UnderlyingKind == TypeKind.String && rt.UnderlyingKind == TypeKind.String:
                // Text concatenation treats null as empty text, as C# does.
                return new BoundBinary(Convert(left, MapType.String.AsNullable(), "The left side"), b.Operator,
                    Convert(right, MapType.String.AsNullable(), "The right side"),
                    MapType.String with { MaxLength = lt.MaxLength + rt.MaxLength }, b);

            default:
                if (!lt.IsNumeric && lt.UnderlyingKind is not TypeKind.Int || !rt.IsNumeric && rt.UnderlyingKind is not TypeKind.Int)
                    return Mismatch(b, OperatorText(b.Operator), lt, rt,
                        lt.UnderlyingKind == TypeKind.String || rt.UnderlyingKind == TypeKind.String
                            ? " Convert text with toDecimal(...) or toLong(...) first." : " Arithmetic works on numbers.");
                var isInt = lt.UnderlyingKind == TypeKind.Int && rt.UnderlyingKind == TypeKind.Int && b.Operator != BinaryOperator.Divide;
                var type = (isInt ? MapType.Int : MapType.Decimal).WithNullability(nullable);
                var operand = (isInt ? MapType.Int : MapType.Decimal);
                return new BoundBinary(Convert(left, operand.WithNullability(lt.IsNullable), "The left side"), b.Operator,
                    Convert(right, operand.WithNullability(rt.IsNullable), "The right side"), type, b);
        }
    }

    private BoundError Mismatch(BinaryExpressionSyntax b, string op, MapType left, MapType right, string hint)
    {
        Diagnostics.Report(DiagnosticCatalog.OperatorMismatch, b.OperatorSpan, op, left.Display, right.Display, hint);
        return new BoundError(b);
    }

    private static string OperatorText(BinaryOperator op) => op switch
    {
        BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*",
        BinaryOperator.Divide => "/", BinaryOperator.Modulo => "%", BinaryOperator.Less => "<",
        BinaryOperator.LessOrEqual => "<=", BinaryOperator.Greater => ">", BinaryOperator.GreaterOrEqual => ">=",
        _ => op.ToString(),
    };

    private BoundExpression BindConditional(ConditionalExpressionSyntax c)
    {
        var condition = Bind(c.Condition);
        var whenTrue = Bind(c.WhenTrue);
        var whenFalse = Bind(c.WhenFalse);
        if (!RequireBool(condition) || whenTrue.Type.IsError || whenFalse.Type.IsError) return new BoundError(c);
        if (Conversions.Common(whenTrue.Type, whenFalse.Type) is not { } type)
        {
            Diagnostics.Report(DiagnosticCatalog.NoCommonType, c.Span, whenTrue.Type.Display, whenFalse.Type.Display);
            return new BoundError(c);
        }
        return new BoundConditional(condition, Arm(whenTrue, type), Arm(whenFalse, type), type, c);
    }

    private BoundExpression Arm(BoundExpression value, MapType type) =>
        value.Type.Kind == TypeKind.Never ? value : Convert(value, type, "This branch");

    private BoundExpression BindMatch(MatchExpressionSyntax m)
    {
        var subject = Bind(m.Subject);
        var arms = new List<(IReadOnlyList<BoundExpression> Patterns, BoundExpression Value)>();
        BoundExpression? elseValue = null;
        var seen = new HashSet<object?>();
        MapType? type = null;
        var failed = subject.Type.IsError;
        foreach (var arm in m.Arms)
        {
            var patterns = new List<BoundExpression>();
            foreach (var p in arm.Patterns)
            {
                var pattern = Bind(p);
                if (pattern.Type.IsError) { failed = true; continue; }
                if (ConstantValue(pattern) is not { } constant)
                {
                    Diagnostics.Report(DiagnosticCatalog.NotConstant, p.Span);
                    failed = true;
                    continue;
                }
                if (!subject.Type.IsError && Conversions.Common(subject.Type, pattern.Type) is null)
                {
                    Diagnostics.Report(DiagnosticCatalog.TypeMismatch, p.Span, "This case", subject.Type.AsNonNull().Display, pattern.Type.Display, "");
                    failed = true;
                    continue;
                }
                CheckEnumLiteral(pattern, subject.Type);
                if (!seen.Add(constant.Value)) Diagnostics.Report(DiagnosticCatalog.DuplicateCase, p.Span, p is StringExpressionSyntax ? $"\"{constant.Value}\"" : constant.Value);
                patterns.Add(new BoundLiteral(constant.Value, pattern.Type, p));
            }
            var value = Bind(arm.Value);
            if (value.Type.IsError) failed = true;
            else if (type is null) type = value.Type;
            else if (Conversions.Common(type, value.Type) is { } common) type = common;
            else
            {
                Diagnostics.Report(DiagnosticCatalog.NoCommonType, arm.Value.Span, type.Display, value.Type.Display);
                failed = true;
            }
            if (arm.IsElse) elseValue = value;
            else arms.Add((patterns, value));
        }
        if (failed || type is null) return new BoundError(m);
        if (elseValue is null) type = type.AsNullable();
        var boundArms = arms.Select(a => new BoundMatchArm(a.Patterns, Arm(a.Value, type))).ToArray();
        return new BoundMatch(subject, boundArms, elseValue is null ? null : Arm(elseValue, type), type, m);
    }

    private BoundError Error(SyntaxNode syntax, DiagnosticDescriptor descriptor, params object?[] args)
    {
        Diagnostics.Report(descriptor, syntax.Span, args);
        return new BoundError(syntax);
    }

    /// <summary>The value of a constant expression (literals, constants, and operators over them), or null.</summary>
    public static BoundLiteral? ConstantValue(BoundExpression e) => ConstantFolder.Fold(e);

    private void Reference(SymbolReference reference) => context.References.Add(reference);

    private static bool IsMissing(NameSyntax name) => name.IsMissing;

    private static TextSpan SpanOf(SyntaxNode node) => node.Span;
}
