namespace MapLang.Sandbox.M3.Metadata;

/// <summary>One field of a transaction as described in reference/m3/*.json (type A/N/D, length may be unknown).</summary>
public sealed record M3Field(string Name, string Description, char Type, int? Length, bool Required);
