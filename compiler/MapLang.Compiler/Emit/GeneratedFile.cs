namespace MapLang.Compiler.Emit;

/// <summary>
/// One file of generated C#: its name (also the path Roslyn gives its syntax tree) and its text. Roslyn parses and binds the
/// files of a module concurrently; the #line directives inside point back to the .map files.
/// </summary>
public sealed record GeneratedFile(string Name, string Text);
