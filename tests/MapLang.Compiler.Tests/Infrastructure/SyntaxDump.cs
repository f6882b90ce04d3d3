using System.Reflection;
using System.Text;
using MapLang.Compiler.Syntax;

namespace MapLang.Compiler.Tests.Infrastructure;

/// <summary>An indented dump of a syntax tree: node kind, span, and the node's own text values.</summary>
public static class SyntaxDump
{
    public static string Of(SyntaxNode root)
    {
        var sb = new StringBuilder();
        Write(sb, root, 0);
        return sb.ToString();
    }

    private static void Write(StringBuilder sb, SyntaxNode node, int depth)
    {
        sb.Append(' ', depth * 2).Append(node.GetType().Name.Replace("Syntax", "", StringComparison.Ordinal)).Append(' ').Append(node.Span);
        foreach (var property in node.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            if (property.Name is "Span" or "Children" or "IsMissing" or "IsPlain" or "IsDefault" or "IsElse" || property.GetIndexParameters().Length > 0) continue;
            var value = property.GetValue(node);
            if (value is string or bool or int or decimal or Enum)
                sb.Append(' ').Append(property.Name).Append('=').Append(value is string s ? $"\"{s.Replace("\n", "\\n", StringComparison.Ordinal)}\"" : value);
        }
        sb.Append('\n');
        foreach (var child in node.Children) Write(sb, child, depth + 1);
    }
}
