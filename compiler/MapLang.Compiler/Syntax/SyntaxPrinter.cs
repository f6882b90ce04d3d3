using System.Globalization;
using System.Text;

namespace MapLang.Compiler.Syntax;

/// <summary>
/// Prints a syntax tree as canonical MapLang text: one declaration or member per line, four-space
/// indentation, single spaces around operators. Parsing the printed text gives the same tree again
/// (the round-trip every baseline checks). Comments are not part of the tree; the formatter keeps them.
/// </summary>
public static class SyntaxPrinter
{
    public static string Print(CompilationUnitSyntax unit)
    {
        var sb = new StringBuilder();
        DeclarationSyntax? previous = null;
        foreach (var declaration in unit.Declarations)
        {
            if (previous is not null && !(previous is UseSyntax && declaration is UseSyntax) && !(previous is ImportSyntax && declaration is ImportSyntax)
                && !(previous is ConstSyntax && declaration is ConstSyntax))
                sb.Append('\n');
            Declaration(sb, declaration);
            previous = declaration;
        }
        return sb.ToString();
    }

    private static void Declaration(StringBuilder sb, DeclarationSyntax declaration)
    {
        switch (declaration)
        {
            case UseSyntax use:
                sb.Append("use ").Append(use.System.Text).Append('\n');
                break;
            case ImportSyntax import:
                sb.Append("import ").Append(Expression(import.Path)).Append('\n');
                break;
            case ConstSyntax constant:
                sb.Append("const ").Append(constant.Name.Text);
                if (constant.Type is not null) sb.Append(": ").Append(Type(constant.Type));
                sb.Append(" = ").Append(Expression(constant.Value)).Append('\n');
                break;
            case TableSyntax table:
                sb.Append("table ").Append(table.Name.Text).Append(": ").Append(Type(table.KeyType)).Append(" -> ").Append(Type(table.ValueType));
                if (table.Source is { } source)
                {
                    sb.Append(" from ").Append(Expression(source.Path));
                    if (source.KeyColumn is not null && source.ValueColumn is not null)
                        sb.Append(" columns ").Append(Expression(source.KeyColumn)).Append(", ").Append(Expression(source.ValueColumn));
                }
                sb.Append(" {\n");
                foreach (var entry in table.Entries)
                    sb.Append("    ").Append(entry.Key is null ? "default" : Expression(entry.Key)).Append(" => ").Append(Expression(entry.Value)).Append('\n');
                sb.Append("}\n");
                break;
            case MapSyntax map:
                sb.Append("map ");
                if (map.Name is not null) sb.Append(map.Name.Text).Append(": ");
                sb.Append(map.Source.Text).Append(" -> ").Append(map.Target.Text).Append(" {\n");
                foreach (var member in map.Members) sb.Append("    ").Append(Member(member)).Append('\n');
                sb.Append("}\n");
                break;
            case FlowSyntax flow:
                foreach (var line in Flow(flow)) sb.Append(line).Append('\n');
                break;
        }
    }

    /// <summary>A flow as canonical lines: the header, one member per line (nested steps indented by four), the closing brace.</summary>
    public static IReadOnlyList<string> Flow(FlowSyntax flow)
    {
        var lines = new List<string> { $"flow {flow.Name.Text} {{" };
        foreach (var member in flow.Members)
        {
            if (member is FlowStepSyntax step) Step(lines, step, 1);
            else lines.Add("    " + FlowMember(member));
        }
        lines.Add("}");
        return lines;
    }

    /// <summary>One line of a flow: a trigger, key, lookup, or the first line of a step.</summary>
    public static string FlowMember(FlowMemberSyntax member) => member switch
    {
        FlowTriggerSyntax { Kind: FlowTriggerKind.Webhook } t => $"on webhook {t.Connection?.Text} {Expression(t.Address)}{As(t.Entity)}",
        FlowTriggerSyntax { Kind: FlowTriggerKind.Schedule } t => $"on schedule {t.Connection?.Text} {Expression(t.Address)} every {t.Interval?.Text}{As(t.Entity)}{(t.Parameters is { } p ? " " + FieldBlock(p) : "")}",
        FlowTriggerSyntax { Kind: FlowTriggerKind.Ion } t => $"on ion {Expression(t.Address)}{As(t.Entity)}",
        FlowTriggerSyntax => "on",
        FlowKeySyntax k => $"key {k.Path.Text}",
        FlowLookupSyntax l => $"lookup {l.Field.Text} from {l.Connection.Text} {Expression(l.Operation)}{(l.Defaults is null ? "" : " " + FieldBlock(l.Defaults))}",
        FetchStepSyntax f => $"fetch {f.Output.Text} from {f.Connection.Text} {Expression(f.Operation)} by {f.Id.Text}{As(f.Entity)}",
        MapStepSyntax m => $"map {m.Output.Text} = {m.Mapper.Text}({m.Input.Text})",
        CallStepSyntax c => $"call {c.Connection.Text} {Expression(c.Operation)} with {c.Input.Text}{(c.Output is null ? "" : " into " + c.Output.Text)}",
        ForEachStepSyntax e => $"for each {e.Item.Text} in {e.Items.Text} {{",
        IfStepSyntax i => $"if {i.Path.Text}{(i.EqualTo is null ? "" : " == " + Expression(i.EqualTo))} {{",
        ReplyStepSyntax { Input: { } input } r => $"reply {r.Connection.Text} {Expression(r.Operation)} to {r.Id.Text} with {input.Text}",
        ReplyStepSyntax r => $"reply {r.Connection.Text} {Expression(r.Operation)} to {r.Id.Text} {FieldBlock(r.Fields)}",
        _ => "",
    };

    private static void Step(List<string> lines, FlowStepSyntax step, int depth)
    {
        var indent = new string(' ', depth * 4);
        lines.Add(indent + FlowMember(step));
        switch (step)
        {
            case ForEachStepSyntax e:
                foreach (var s in e.Steps) Step(lines, s, depth + 1);
                lines.Add(indent + "}");
                break;
            case IfStepSyntax i:
                foreach (var s in i.Then) Step(lines, s, depth + 1);
                if (i.Else is null)
                {
                    lines.Add(indent + "}");
                    break;
                }
                lines.Add(indent + "} else {");
                foreach (var s in i.Else) Step(lines, s, depth + 1);
                lines.Add(indent + "}");
                break;
        }
    }

    private static string As(QualifiedNameSyntax? entity) => entity is null ? "" : $" as {entity.Text}";

    private static string FieldBlock(IReadOnlyList<FlowFieldSyntax> fields) =>
        fields.Count == 0 ? "{ }" : $"{{ {string.Join(" ", fields.Select(f => $"{f.Name.Text} = {Expression(f.Value)}"))} }}";

    public static string Member(MapMemberSyntax member) => member switch
    {
        LetSyntax let => $"let {let.Name.Text} = {Expression(let.Value)}",
        AssignmentSyntax a => $"{a.Field.Text} = {Expression(a.Value)}",
        RequireSyntax r => $"require({Expression(r.Condition)}, {Expression(r.Message)})",
        _ => "",
    };

    public static string Type(TypeSyntax type) => type switch
    {
        ListTypeSyntax list => $"list<{Type(list.Element)}>{(list.IsNullable ? "?" : "")}",
        NamedTypeSyntax named => named.Name.Text
            + (named.Arguments.Count > 0 ? $"({string.Join(", ", named.Arguments.Select(a => a.ToString(CultureInfo.InvariantCulture)))})" : "")
            + (named.IsNullable ? "?" : ""),
        _ => "",
    };

    public static string Expression(ExpressionSyntax e) => e switch
    {
        MissingExpressionSyntax => "",
        NameExpressionSyntax n => n.Name.Text,
        MemberExpressionSyntax m => $"{Operand(m.Target, 0)}{(m.IsNullSafe ? "?." : ".")}{m.Member.Text}",
        IndexExpressionSyntax i => $"{Operand(i.Target, 0)}[{Expression(i.Index)}]",
        CallExpressionSyntax c => $"{Operand(c.Callee, 0)}({string.Join(", ", c.Arguments.Select(Expression))})",
        LambdaExpressionSyntax l => $"{l.Parameter.Text} => {Expression(l.Body)}",
        UnaryExpressionSyntax { Operator: UnaryOperator.Negate } u => $"-{Operand(u.Operand, 9)}",
        UnaryExpressionSyntax u => $"not {Operand(u.Operand, Precedence(u))}",
        BinaryExpressionSyntax b => Binary(b),
        ParenthesizedExpressionSyntax p => $"({Expression(p.Inner)})",
        ConditionalExpressionSyntax c => $"if {Expression(c.Condition)} then {Expression(c.WhenTrue)} else {Expression(c.WhenFalse)}",
        MatchExpressionSyntax m => $"match {Expression(m.Subject)} {{ {string.Join(" ", m.Arms.Select(Arm))} }}",
        ListExpressionSyntax l => $"[{string.Join(", ", l.Items.Select(Expression))}]",
        StringExpressionSyntax s => String(s),
        NumberLiteralSyntax n => n.Text,
        BoolLiteralSyntax b => b.Value ? "true" : "false",
        NullLiteralSyntax => "null",
        DateLiteralSyntax d => d.Text,
        _ => "",
    };

    private static string Arm(MatchArmSyntax arm) =>
        arm.IsElse ? $"else => {Expression(arm.Value)}" : $"case {string.Join(", ", arm.Patterns.Select(Expression))} => {Expression(arm.Value)}";

    private static string String(StringExpressionSyntax s)
    {
        var sb = new StringBuilder("\"");
        foreach (var part in s.Parts)
        {
            if (part is InterpolationSyntax hole)
            {
                sb.Append('{').Append(Expression(hole.Expression)).Append('}');
                continue;
            }
            foreach (var c in ((StringTextSyntax)part).Value)
            {
                sb.Append(c switch
                {
                    '"' => "\\\"",
                    '\\' => "\\\\",
                    '{' => "\\{",
                    '}' => "\\}",
                    '\n' => "\\n",
                    '\r' => "\\r",
                    '\t' => "\\t",
                    _ => c.ToString(),
                });
            }
        }
        return sb.Append('"').ToString();
    }

    private static string Binary(BinaryExpressionSyntax b)
    {
        var precedence = Precedence(b);
        var op = b.Operator switch
        {
            BinaryOperator.Add => "+", BinaryOperator.Subtract => "-", BinaryOperator.Multiply => "*", BinaryOperator.Divide => "/",
            BinaryOperator.Modulo => "%", BinaryOperator.Less => "<", BinaryOperator.LessOrEqual => "<=", BinaryOperator.Greater => ">",
            BinaryOperator.GreaterOrEqual => ">=", BinaryOperator.Equal => "==", BinaryOperator.NotEqual => "!=",
            BinaryOperator.And => "and", BinaryOperator.Or => "or", _ => "??",
        };
        // ?? groups to the right, everything else to the left: parenthesise the other side at equal precedence.
        var rightAssociative = b.Operator == BinaryOperator.Coalesce;
        var left = Operand(b.Left, rightAssociative ? precedence + 1 : precedence);
        var right = Operand(b.Right, rightAssociative ? precedence : precedence + 1);
        return $"{left} {op} {right}";
    }

    /// <summary>An operand, in parentheses when it binds more loosely than its context requires.</summary>
    private static string Operand(ExpressionSyntax e, int minimum)
    {
        var text = Expression(e);
        return Precedence(e) < minimum ? $"({text})" : text;
    }

    /// <summary>Higher binds tighter; mirrors the order of the alternatives in MapLang.g4.</summary>
    private static int Precedence(ExpressionSyntax e) => e switch
    {
        BinaryExpressionSyntax b => b.Operator switch
        {
            BinaryOperator.Multiply or BinaryOperator.Divide or BinaryOperator.Modulo => 8,
            BinaryOperator.Add or BinaryOperator.Subtract => 7,
            BinaryOperator.Less or BinaryOperator.LessOrEqual or BinaryOperator.Greater or BinaryOperator.GreaterOrEqual => 6,
            BinaryOperator.Equal or BinaryOperator.NotEqual => 5,
            BinaryOperator.And => 3,
            BinaryOperator.Or => 2,
            _ => 1,
        },
        UnaryExpressionSyntax { Operator: UnaryOperator.Negate } => 9,
        UnaryExpressionSyntax => 4,
        ConditionalExpressionSyntax or LambdaExpressionSyntax => 0,
        _ => 10,
    };
}
