namespace MapLang.Compiler.Text;

/// <summary>A 0-based line and character (UTF-16 unit) position, as LSP counts them.</summary>
public readonly record struct LinePosition(int Line, int Character)
{
    public override string ToString() => $"({Line + 1},{Character + 1})";
}
