namespace MapLang.Schemas.Model;

/// <summary>A closed set of codes, e.g. Magento order states or nopCommerce <c>OrderStatus</c> (10, 20, 30, 40).</summary>
/// <param name="IsNumeric">The wire values are numbers (nopCommerce, BigCommerce status_id) rather than strings.</param>
public sealed record EnumSchema(
    string System,
    string Name,
    string? Description,
    bool IsNumeric,
    IReadOnlyList<EnumMember> Members,
    SourceLocation? Location);

/// <param name="Value">The value on the wire (e.g. <c>processing</c>, <c>20</c>).</param>
/// <param name="Label">A readable name (e.g. <c>Processing</c>) when the value is a code.</param>
public sealed record EnumMember(string Value, string? Label, string? Description);
