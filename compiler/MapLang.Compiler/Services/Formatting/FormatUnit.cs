namespace MapLang.Compiler.Services.Formatting;

/// <summary>
/// One line of formatted output as the source holds it: a declaration, a block's header or closing brace, a member
/// or a table row. <see cref="Start"/>/<see cref="End"/> are its span in the original text; <see cref="Printed"/> its
/// canonical text; <see cref="StartsDeclaration"/> marks where a declaration begins (for blank lines between them).
/// </summary>
internal sealed class FormatUnit(int start, int end, int indent, string printed, Syntax.DeclarationSyntax? startsDeclaration, bool isClose)
{
    public int Start { get; } = start;
    public int End { get; } = end;
    public int Indent { get; } = indent;
    public string Printed { get; } = printed;
    public Syntax.DeclarationSyntax? StartsDeclaration { get; } = startsDeclaration;
    public bool IsClose { get; } = isClose;
    public bool IsOpen => Printed.EndsWith('{');

    /// <summary>Kept as written (it holds a comment inside): only its first line is re-indented.</summary>
    public bool Verbatim { get; set; }
    public List<Syntax.SyntaxToken> Leading { get; } = [];
    public List<Syntax.SyntaxToken> Trailing { get; } = [];
}
