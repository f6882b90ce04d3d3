using MapLang.Compiler.Binding;
using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Services.Documents;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;

namespace MapLang.Compiler.Services.SignatureHelp;

public sealed record SignatureInfo(string Label, string? Documentation, IReadOnlyList<string> Parameters);

public sealed record SignatureHelpResult(IReadOnlyList<SignatureInfo> Signatures, int ActiveSignature, int ActiveParameter);

/// <summary>The signatures of the call whose parentheses hold the cursor, with the argument being typed.</summary>
public static class SignatureHelpService
{
    public static SignatureHelpResult? GetSignatureHelp(DocumentAnalysis analysis, int position)
    {
        var tokens = new TokenNavigator(analysis.TokensNear(position));
        var last = tokens.LastEndingAtOrBefore(position);
        if (last < 0) return null;
        var open = tokens.UnclosedParenthesisBefore(last);
        if (open < 1 || tokens[open - 1].Kind is not (SyntaxTokenKind.Identifier or SyntaxTokenKind.Keyword)) return null;
        var name = tokens[open - 1].Text;
        var active = CountArguments(tokens, open, last);

        IReadOnlyList<SignatureInfo> signatures;
        if (open >= 2 && tokens[open - 2].Text is "." or "?.")
        {
            if (!CollectionOperations.TryGet(name, out _)) return null;
            signatures = [new SignatureInfo($"{name}(argument)", CollectionOperations.Doc(name), ["argument"])];
        }
        else
        {
            var functions = BuiltIns.All.Where(b => b.Name == name).Concat(analysis.Compilation.Options.Functions.Lookup(name)).ToArray();
            if (functions.Length > 0) signatures = functions.Select(Describe).ToArray();
            else if (analysis.Model.File.Maps.TryGetValue(name, out var map))
                signatures = [new SignatureInfo($"{name}(record: {map.Syntax.Source.Text})", $"Applies the map {name} to one {map.Syntax.Source.Text}.", [$"record: {map.Syntax.Source.Text}"])];
            else return null;
        }
        var activeSignature = Math.Max(0, signatures.ToList().FindIndex(s => s.Parameters.Count > active));
        return new SignatureHelpResult(signatures, activeSignature, active);
    }

    private static SignatureInfo Describe(FunctionSymbol f)
    {
        var parameters = f.Parameters.Select(p => p.IsOptional ? $"{p.Name}?: {p.Type.Display}" : $"{p.Name}: {p.Type.Display}").ToArray();
        return new SignatureInfo($"{f.Name}({string.Join(", ", parameters)}): {f.ReturnType.Display}", f.Doc, parameters);
    }

    private static int CountArguments(TokenNavigator tokens, int open, int last)
    {
        var depth = 0;
        var commas = 0;
        for (var i = open + 1; i <= last; i++)
        {
            var t = tokens[i];
            if (t.Kind == SyntaxTokenKind.InterpolationStart) depth++;
            if (t.Kind != SyntaxTokenKind.Punctuation) continue;
            if (t.Text is "(" or "[" or "{") depth++;
            else if (t.Text is ")" or "]" or "}") depth--;
            else if (t.Text == "," && depth == 0) commas++;
        }
        return commas;
    }
}
