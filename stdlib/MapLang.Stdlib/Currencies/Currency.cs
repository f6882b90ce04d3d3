namespace MapLang.Stdlib.Currencies;

/// <summary>An ISO 4217 currency.</summary>
/// <param name="Code">Three-letter code, e.g. <c>USD</c>.</param>
/// <param name="Numeric">Three-digit code, e.g. <c>840</c>.</param>
/// <param name="MinorUnits">Decimal places of the minor unit (JPY 0, USD 2, KWD 3), or -1 where ISO says N.A. (XAU…).</param>
/// <param name="Name">English name.</param>
public sealed record Currency(string Code, string Numeric, int MinorUnits, string Name);
