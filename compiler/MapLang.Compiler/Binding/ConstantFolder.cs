using MapLang.Compiler.Syntax;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Binding;

/// <summary>Computes constant expressions: for constants, table rows and match cases.</summary>
public static class ConstantFolder
{
    public static BoundLiteral? Fold(BoundExpression e)
    {
        switch (e)
        {
            case BoundLiteral literal:
                return literal;
            case BoundConstant c when c.Constant.Type.Kind != TypeKind.Error:
                return new BoundLiteral(c.Constant.Value, c.Constant.Type, e.Syntax);
            case BoundConversion { Operand: var operand, Type: var type }:
                if (Fold(operand) is not { } inner) return null;
                return new BoundLiteral(type.Kind == TypeKind.Decimal && inner.Value is long whole ? (decimal)whole : inner.Value, type, e.Syntax);
            case BoundUnary { Operator: UnaryOperator.Not, Operand: var operand } when Fold(operand) is { Value: bool b }:
                return new BoundLiteral(!b, MapType.Bool, e.Syntax);
            case BoundUnary { Operator: UnaryOperator.Negate, Operand: var operand } when Fold(operand) is { } n:
                return n.Value switch
                {
                    long l => new BoundLiteral(-l, MapType.Int, e.Syntax),
                    decimal d => new BoundLiteral(-d, MapType.Decimal, e.Syntax),
                    _ => null,
                };
            case BoundInterpolation interpolation:
                var parts = interpolation.Parts.Select(Fold).ToArray();
                if (parts.Any(p => p is null)) return null;
                var text = string.Concat(parts.Select(p => Text(p!.Value)));
                return new BoundLiteral(text, MapType.String with { MaxLength = text.Length }, e.Syntax);
            case BoundBinary binary:
                return FoldBinary(binary);
            default:
                return null;
        }
    }

    private static BoundLiteral? FoldBinary(BoundBinary b)
    {
        if (Fold(b.Left) is not { } left || Fold(b.Right) is not { } right) return null;
        try
        {
            object? value = (b.Operator, left.Value, right.Value) switch
            {
                (BinaryOperator.Add, string x, string y) => x + y,
                (BinaryOperator.Add, long x, long y) => checked(x + y),
                (BinaryOperator.Subtract, long x, long y) => checked(x - y),
                (BinaryOperator.Multiply, long x, long y) => checked(x * y),
                (BinaryOperator.Modulo, long x, long y) when y != 0 => x % y,
                (BinaryOperator.Add, decimal x, decimal y) => x + y,
                (BinaryOperator.Subtract, decimal x, decimal y) => x - y,
                (BinaryOperator.Multiply, decimal x, decimal y) => x * y,
                (BinaryOperator.Divide, decimal x, decimal y) when y != 0 => x / y,
                (BinaryOperator.Modulo, decimal x, decimal y) when y != 0 => x % y,
                (BinaryOperator.And, bool x, bool y) => x && y,
                (BinaryOperator.Or, bool x, bool y) => x || y,
                (BinaryOperator.Equal, _, _) => Equals(left.Value, right.Value),
                (BinaryOperator.NotEqual, _, _) => !Equals(left.Value, right.Value),
                _ => Unfoldable,
            };
            if (ReferenceEquals(value, Unfoldable)) return null;
            var type = value is string s ? MapType.String with { MaxLength = s.Length } : b.Type.AsNonNull();
            return new BoundLiteral(value, type, b.Syntax);
        }
        catch (OverflowException)
        {
            return null;
        }
    }

    private static readonly object Unfoldable = new();

    public static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        DateTimeOffset dt => dt.ToString("yyyy-MM-ddTHH:mm:ssK", System.Globalization.CultureInfo.InvariantCulture),
        IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
