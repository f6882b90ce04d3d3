namespace MapLang.Stdlib.Addresses;

/// <summary>An ISO 3166-1 country.</summary>
/// <param name="Alpha2">Two-letter code, e.g. <c>SE</c> (what Magento's country_id and M3's CSCD hold).</param>
/// <param name="Alpha3">Three-letter code, e.g. <c>SWE</c>.</param>
/// <param name="Numeric">Three-digit code, e.g. <c>752</c>.</param>
/// <param name="Name">English short name as in ISO 3166-1 (Debian iso-codes spelling).</param>
public sealed record Country(string Alpha2, string Alpha3, string Numeric, string Name);
