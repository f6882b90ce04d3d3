namespace MapLang.Schemas.Loading;

/// <summary>The text of one schema file and the path it is reported under.</summary>
public sealed record SchemaSource(string Path, string Text);
