using MapLang.Compiler.Services.Common;

namespace MapLang.Compiler.Services.CodeActions;

public enum CodeActionKind { QuickFix, Refactor }

/// <summary>A fix or refactoring: edits of the document, and the diagnostic it fixes when it is a quick fix.</summary>
public sealed record CodeAction(string Title, CodeActionKind Kind, IReadOnlyList<TextEdit> Edits, Diagnostics.Diagnostic? Fixes = null, bool IsPreferred = false);
