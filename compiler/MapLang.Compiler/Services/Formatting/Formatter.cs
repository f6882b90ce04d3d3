using System.Text;
using MapLang.Compiler.Parsing;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Services.Formatting;

/// <summary>
/// The formatter of <c>maplang fmt</c> and the editor: canonical layout from <see cref="SyntaxPrinter"/> (one member per
/// line, four spaces, single spaces around operators), keeping every comment: a comment on a line of its own stays before
/// what follows it, a comment after code stays at the end of that line, and a member with a comment inside is kept as
/// written. Blank lines between members are kept (one at most). Formatting formatted text changes nothing. A text with
/// syntax errors is not formatted (null): its tree is a guess.
/// </summary>
public static class Formatter
{
    public static string? Format(string text) => Format(SyntaxBuilder.Parse(new SourceText("", text)), Tokens.Tokenize(text));

    public static string? Format(SyntaxTree tree, IReadOnlyList<SyntaxToken> tokens)
    {
        if (tree.Diagnostics.Any(d => d.IsError)) return null;
        var text = tree.Text.Text;
        var units = Units(tree.Root, tokens);
        var endOfFile = AttachComments(units, tokens.Where(t => t.Kind == SyntaxTokenKind.Comment).ToArray(), tree.Text);

        var newline = text.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var sb = new StringBuilder();
        var previousEnd = -1;
        var afterOpen = false;
        DeclarationSyntax? previousDeclaration = null;

        void Line(int indent, string content)
        {
            sb.Append(' ', indent * 4).Append(content.TrimEnd()).Append(newline);
        }

        foreach (var unit in units)
        {
            var first = true;
            foreach (var comment in unit.Leading)
            {
                if (BlankLineBefore(unit, previousDeclaration, afterOpen, previousEnd, comment.Span.Start, text, first)) sb.Append(newline);
                Line(unit.IsClose ? unit.Indent + 1 : unit.Indent, comment.Text);
                previousEnd = comment.Span.End;
                first = false;
                afterOpen = false;
            }
            if (BlankLineBefore(unit, previousDeclaration, afterOpen, previousEnd, unit.Start, text, first)) sb.Append(newline);
            var content = unit.Verbatim ? text[unit.Start..unit.End] : unit.Printed;
            if (unit.Trailing.Count > 0) content += " " + string.Join(" ", unit.Trailing.Select(t => t.Text));
            Line(unit.Indent, content);
            previousEnd = unit.Trailing.Count > 0 ? unit.Trailing[^1].Span.End : unit.End;
            afterOpen = unit.IsOpen;
            if (unit.StartsDeclaration is { } d) previousDeclaration = d;
        }
        foreach (var comment in endOfFile)
        {
            if (previousEnd >= 0 && HasBlankLine(text, previousEnd, comment.Span.Start)) sb.Append(newline);
            Line(0, comment.Text);
            previousEnd = comment.Span.End;
        }
        return sb.ToString();
    }

    private static bool BlankLineBefore(FormatUnit unit, DeclarationSyntax? previousDeclaration, bool afterOpen, int previousEnd, int start, string text, bool first)
    {
        if (previousEnd < 0 || afterOpen || unit.IsClose && first && unit.Leading.Count == 0) return false;
        if (HasBlankLine(text, previousEnd, start)) return true;
        if (!first || unit.StartsDeclaration is not { } declaration || previousDeclaration is null) return false;
        // The canonical printer's rule: declarations are separated by a blank line, except runs of use, import or const.
        return !(declaration.GetType() == previousDeclaration.GetType() && declaration is UseSyntax or ImportSyntax or ConstSyntax);
    }

    private static bool HasBlankLine(string text, int from, int to)
    {
        if (from < 0 || to <= from) return false;
        var newlines = 0;
        for (var i = from; i < to && i < text.Length; i++)
            if (text[i] == '\n') newlines++;
        return newlines >= 2;
    }

    private static List<FormatUnit> Units(CompilationUnitSyntax root, IReadOnlyList<SyntaxToken> tokens)
    {
        var units = new List<FormatUnit>();
        foreach (var declaration in root.Declarations)
        {
            switch (declaration)
            {
                case UseSyntax use:
                    units.Add(new FormatUnit(use.Span.Start, use.Span.End, 0, $"use {use.System.Text}", use, false));
                    break;
                case ImportSyntax import:
                    units.Add(new FormatUnit(import.Span.Start, import.Span.End, 0, $"import {SyntaxPrinter.Expression(import.Path)}", import, false));
                    break;
                case ConstSyntax constant:
                    units.Add(new FormatUnit(constant.Span.Start, constant.Span.End, 0,
                        $"const {constant.Name.Text}{(constant.Type is null ? "" : ": " + SyntaxPrinter.Type(constant.Type))} = {SyntaxPrinter.Expression(constant.Value)}",
                        constant, false));
                    break;
                case TableSyntax table:
                    var after = table.Source?.Span.End ?? table.ValueType.Span.End;
                    var open = tokens.First(t => t.Span.Start >= after && t.Text == "{").Span.End;
                    var header = $"table {table.Name.Text}: {SyntaxPrinter.Type(table.KeyType)} -> {SyntaxPrinter.Type(table.ValueType)}";
                    if (table.Source is { } source)
                    {
                        header += $" from {SyntaxPrinter.Expression(source.Path)}";
                        if (source.KeyColumn is not null && source.ValueColumn is not null)
                            header += $" columns {SyntaxPrinter.Expression(source.KeyColumn)}, {SyntaxPrinter.Expression(source.ValueColumn)}";
                    }
                    units.Add(new FormatUnit(table.Span.Start, open, 0, header + " {", table, false));
                    // Rows align their arrows, as tables are read down the columns.
                    var keys = table.Entries.Select(e => e.Key is null ? "default" : SyntaxPrinter.Expression(e.Key)).ToArray();
                    var width = keys.Length == 0 ? 0 : keys.Max(k => k.Length);
                    for (var i = 0; i < table.Entries.Count; i++)
                        units.Add(new FormatUnit(table.Entries[i].Span.Start, table.Entries[i].Span.End, 1,
                            $"{keys[i].PadRight(width)} => {SyntaxPrinter.Expression(table.Entries[i].Value)}", null, false));
                    units.Add(new FormatUnit(table.Span.End - 1, table.Span.End, 0, "}", null, true));
                    break;
                case MapSyntax map:
                    var mapHeader = "map " + (map.Name is null ? "" : map.Name.Text + ": ") + $"{map.Source.Text} -> {map.Target.Text} {{";
                    units.Add(new FormatUnit(map.Span.Start, map.BodySpan.Start + 1, 0, mapHeader, map, false));
                    foreach (var member in map.Members)
                        units.Add(new FormatUnit(member.Span.Start, member.Span.End, 1, SyntaxPrinter.Member(member), null, false));
                    units.Add(new FormatUnit(map.BodySpan.End - 1, map.BodySpan.End, 0, "}", null, true));
                    break;
                default:
                    // A declaration this formatter does not know yet is kept as written.
                    units.Add(new FormatUnit(declaration.Span.Start, declaration.Span.End, 0, "", declaration, false) { Verbatim = true });
                    break;
            }
        }
        return units;
    }

    /// <summary>Gives each comment to the unit it belongs to; returns the comments after the last unit.</summary>
    private static List<SyntaxToken> AttachComments(List<FormatUnit> units, IReadOnlyList<SyntaxToken> comments, SourceText text)
    {
        var endOfFile = new List<SyntaxToken>();
        foreach (var comment in comments)
        {
            var inside = units.FirstOrDefault(u => u.Start < comment.Span.Start && comment.Span.End <= u.End);
            if (inside is not null) { inside.Verbatim = true; continue; }
            var before = units.LastOrDefault(u => u.End <= comment.Span.Start);
            if (before is not null && text.GetPosition(Math.Max(before.Start, before.End - 1)).Line == text.GetPosition(comment.Span.Start).Line
                && !comment.Text.Contains('\n'))
            {
                before.Trailing.Add(comment);
                continue;
            }
            var next = units.FirstOrDefault(u => u.Start >= comment.Span.End);
            if (next is not null) next.Leading.Add(comment);
            else endOfFile.Add(comment);
        }
        return endOfFile;
    }
}
