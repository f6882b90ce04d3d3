namespace MapLang.Schemas.Model;

/// <summary>Where a schema element was declared: a file and a span in it (0-based offset; 1-based line and column).</summary>
public sealed record SourceLocation(string FilePath, int Start, int Length, int Line, int Column);
