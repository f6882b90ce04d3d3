using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Hover;

/// <summary>Markdown to show for the word at <see cref="Span"/>.</summary>
public sealed record HoverResult(string Markdown, TextSpan Span);
