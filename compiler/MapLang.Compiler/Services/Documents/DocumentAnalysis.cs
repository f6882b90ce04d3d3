using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Parsing;
using MapLang.Compiler.Semantics;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Services.Documents;

/// <summary>One document compiled (with the files it imports): what every editor service reads.</summary>
public sealed class DocumentAnalysis
{
    private readonly Lazy<IReadOnlyList<SyntaxToken>> _tokens;

    private DocumentAnalysis(Compilation compilation, string path)
    {
        Compilation = compilation;
        Model = compilation.GetSemanticModel(path);
        _tokens = new Lazy<IReadOnlyList<SyntaxToken>>(() => Parsing.Tokens.Tokenize(Text.Text));
    }

    public Compilation Compilation { get; }
    public SemanticModel Model { get; }
    public SyntaxTree Tree => Model.Tree;
    public SourceText Text => Model.Tree.Text;
    public string Path => Tree.Path;
    public SchemaCatalog Schemas => Compilation.Options.Schemas;

    /// <summary>The document's own diagnostics, as <c>maplang check</c> reports them for this file.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => Model.Diagnostics;

    /// <summary>Every token, trivia included, in order.</summary>
    public IReadOnlyList<SyntaxToken> Tokens => _tokens.Value;

    /// <summary>
    /// The tokens of the top-level declaration around a position, up to the end of the position's line: all that
    /// completion and signature help look at. Lexing one declaration instead of the file keeps them fast on long files.
    /// </summary>
    public IReadOnlyList<SyntaxToken> TokensNear(int position)
    {
        if (_tokens.IsValueCreated) return _tokens.Value;
        var start = 0;
        foreach (var declaration in Tree.Root.Declarations)
        {
            if (declaration.Span.Start > position) break;
            start = declaration.Span.Start;
        }
        var lineEnd = Text.Text.IndexOf('\n', Math.Min(position, Text.Length));
        var end = lineEnd < 0 ? Text.Length : lineEnd;
        return Parsing.Tokens.Tokenize(Text.Text[start..end])
            .Select(t => t with { Span = new TextSpan(t.Span.Start + start, t.Span.Length) })
            .ToArray();
    }

    public bool HasSyntaxErrors => Tree.Diagnostics.Any(d => d.IsError);

    public static DocumentAnalysis Create(string path, string text, CompilationOptions options)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        return new DocumentAnalysis(Compilation.Create([(fullPath, text)], options), fullPath);
    }
}
