namespace MapLang.Schemas.Generation;

/// <param name="RelativePath">The path under <c>stdlib/schemas/</c>, with '/' separators (e.g. <c>m3/OIS100MI.mlschema</c>).</param>
public sealed record GeneratedSchemaFile(string RelativePath, string Text);
