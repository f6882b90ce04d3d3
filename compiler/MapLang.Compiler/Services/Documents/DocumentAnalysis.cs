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

    public bool HasSyntaxErrors => Tree.Diagnostics.Any(d => d.IsError);

    public static DocumentAnalysis Create(string path, string text, CompilationOptions options)
    {
        var fullPath = System.IO.Path.GetFullPath(path);
        return new DocumentAnalysis(Compilation.Create([(fullPath, text)], options), fullPath);
    }
}
