using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Completion;

public enum CompletionKind { Keyword, Connector, Entity, Field, TargetField, Function, Operation, Table, Map, Local, Constant, Snippet }

/// <summary>
/// One proposal. <see cref="InsertText"/> replaces <see cref="ReplaceSpan"/>; with <see cref="IsSnippet"/> it holds
/// $1-style placeholders. Items sort by <see cref="SortText"/> (required target fields first, and so on).
/// </summary>
public sealed record CompletionItem(
    string Label,
    CompletionKind Kind,
    string? Detail,
    string? Documentation,
    string InsertText,
    bool IsSnippet,
    string SortText,
    TextSpan ReplaceSpan);
