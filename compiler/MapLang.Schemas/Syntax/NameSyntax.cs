using MapLang.Schemas.Model;

namespace MapLang.Schemas.Syntax;

/// <summary>A possibly dotted name as written (<c>OIS100MI.AddBatchHead</c>) and where.</summary>
public sealed record NameSyntax(string Text, SourceLocation Location)
{
    public bool IsMissing => Text.Length == 0;
}
