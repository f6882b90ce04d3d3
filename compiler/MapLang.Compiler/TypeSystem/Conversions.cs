namespace MapLang.Compiler.TypeSystem;

public enum ConversionKind
{
    None,
    Identity,
    /// <summary>int to decimal, an enum to its text or number, null or fail(...) to anything.</summary>
    Implicit,
}

/// <summary>Which values fit where. Nullability is checked separately, so that its mistake gets its own diagnostic.</summary>
public static class Conversions
{
    public static ConversionKind Classify(MapType from, MapType to)
    {
        if (from.IsError || to.IsError) return ConversionKind.Identity;
        if (from.Kind == TypeKind.Never) return ConversionKind.Implicit;
        if (from.Kind == TypeKind.Null) return ConversionKind.Implicit;
        if (from.HasSameShape(to)) return ConversionKind.Identity;
        if (to.Kind == TypeKind.Any) return from.IsPrimitive ? ConversionKind.Implicit : ConversionKind.None;
        if (from.Kind == TypeKind.Int && to.Kind == TypeKind.Decimal) return ConversionKind.Implicit;
        if (from.Kind == TypeKind.Enum && from.UnderlyingKind == to.Kind) return ConversionKind.Implicit;
        if (from.Kind == TypeKind.Enum && from.UnderlyingKind == TypeKind.Int && to.Kind == TypeKind.Decimal) return ConversionKind.Implicit;
        // Text into a text enum: the value is checked against the members when it is a literal.
        if (to.Kind == TypeKind.Enum && to.UnderlyingKind == from.Kind) return ConversionKind.Implicit;
        if (from.Kind == TypeKind.List && to.Kind == TypeKind.List && Classify(from.Element!, to.Element!) == ConversionKind.Identity)
            return ConversionKind.Identity;
        return ConversionKind.None;
    }

    public static bool Fits(MapType from, MapType to) => Classify(from, to) != ConversionKind.None;

    /// <summary>The type both branches of a conditional or match fit into, or null when there is none.</summary>
    public static MapType? Common(MapType a, MapType b)
    {
        if (a.IsError) return b;
        if (b.IsError) return a;
        if (a.Kind == TypeKind.Never) return b;
        if (b.Kind == TypeKind.Never) return a;
        var nullable = a.IsNullable || b.IsNullable;
        if (a.Kind == TypeKind.Null) return b.AsNullable();
        if (b.Kind == TypeKind.Null) return a.AsNullable();
        if (a.HasSameShape(b)) return Wider(a, b).WithNullability(nullable);
        if (a.IsNumeric && b.IsNumeric) return MapType.Decimal.WithNullability(nullable);
        if (a.Kind == TypeKind.Enum && a.UnderlyingKind == b.UnderlyingKind) return b.WithNullability(nullable);
        if (b.Kind == TypeKind.Enum && b.UnderlyingKind == a.UnderlyingKind) return a.WithNullability(nullable);
        return null;
    }

    private static MapType Wider(MapType a, MapType b) =>
        a.Kind == TypeKind.String ? a with { MaxLength = a.MaxLength is null || b.MaxLength is null ? null : Math.Max(a.MaxLength.Value, b.MaxLength.Value) } : a;
}
