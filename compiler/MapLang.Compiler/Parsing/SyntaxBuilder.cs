using System.Globalization;
using System.Text;
using Antlr4.Runtime;
using Antlr4.Runtime.Atn;
using Antlr4.Runtime.Misc;
using Antlr4.Runtime.Tree;
using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Parsing.Generated;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using P = MapLang.Compiler.Parsing.Generated.MapLang;

namespace MapLang.Compiler.Parsing;

/// <summary>
/// The only class that sees ANTLR: runs the generated lexer and parser (fast SLL first, full LL with
/// error recovery when that fails) and turns the parse tree into immutable syntax nodes with spans.
/// Parts the parser could not find become <c>Missing…</c> nodes or empty names, never nulls.
/// </summary>
public static partial class SyntaxBuilder
{
    public static SyntaxTree Parse(SourceText text)
    {
        var diagnostics = new DiagnosticBag(text);
        var tokens = new CommonTokenStream(new MapLangLexer(new AntlrInputStream(text.Text)) { });
        tokens.Fill();
        ((MapLangLexer)tokens.TokenSource).RemoveErrorListeners();
        ReportBadTokens(tokens, diagnostics);

        var parser = new P(tokens) { BuildParseTree = true };
        parser.RemoveErrorListeners();
        parser.Interpreter.PredictionMode = PredictionMode.SLL;
        parser.ErrorHandler = new BailErrorStrategy();
        P.CompilationUnitContext unit;
        try
        {
            unit = parser.compilationUnit();
        }
        catch (ParseCanceledException)
        {
            tokens.Seek(0);
            parser.Reset();
            parser.Interpreter.PredictionMode = PredictionMode.LL;
            parser.ErrorHandler = new DefaultErrorStrategy();
            parser.AddErrorListener(new SyntaxErrorListener(diagnostics));
            unit = parser.compilationUnit();
        }

        var builder = new Builder(text, diagnostics);
        var root = builder.CompilationUnit(unit);
        var ordered = diagnostics.Items.OrderBy(d => d.Span.Start).ToArray();
        return new SyntaxTree(text, root, ordered);
    }

    private static void ReportBadTokens(CommonTokenStream tokens, DiagnosticBag diagnostics)
    {
        foreach (var token in tokens.GetTokens())
        {
            var span = TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);
            switch (token.Type)
            {
                case MapLangLexer.UNEXPECTED_CHARACTER:
                    diagnostics.Report(DiagnosticCatalog.UnexpectedCharacter, span, token.Text);
                    break;
                case MapLangLexer.UNTERMINATED_STRING:
                    diagnostics.Report(DiagnosticCatalog.UnterminatedString, new TextSpan(token.StartIndex, 0));
                    break;
                case MapLangLexer.BLOCK_COMMENT when !token.Text.EndsWith("*/", StringComparison.Ordinal) || token.Text.Length < 4:
                    diagnostics.Report(DiagnosticCatalog.UnterminatedComment, new TextSpan(token.StartIndex, 2));
                    break;
            }
        }
        // A string still open at the end of the file has no UNTERMINATED_STRING token.
        var last = tokens.GetTokens().LastOrDefault(t => t.Type != TokenConstants.EOF && t.Channel == 0);
        if (last is { Type: MapLangLexer.STRING_TEXT or MapLangLexer.STRING_START or MapLangLexer.STRING_ESCAPE })
            diagnostics.Report(DiagnosticCatalog.UnterminatedString, new TextSpan(last.StopIndex + 1, 0));
    }

    private sealed partial class Builder(SourceText text, DiagnosticBag diagnostics)
    {
        public CompilationUnitSyntax CompilationUnit(P.CompilationUnitContext context)
        {
            var declarations = new List<DeclarationSyntax>();
            foreach (var d in context.declaration())
                if (Declaration(d) is { } declaration) declarations.Add(declaration);
            return new CompilationUnitSyntax(declarations, new TextSpan(0, text.Length));
        }

        private DeclarationSyntax? Declaration(P.DeclarationContext context)
        {
            if (context.useDeclaration() is { } use)
                return new UseSyntax(Name(use.name, use.Stop), Span(use));
            if (context.importDeclaration() is { } import)
            {
                var path = String(import.path, After(import.Start));
                RequirePlain(path, "An import path");
                return new ImportSyntax(path, Span(import));
            }
            if (context.constDeclaration() is { } constant)
                return new ConstSyntax(Name(constant.name, constant.Start), constant.type is null ? null : Type(constant.type),
                    Expression(constant.value, constant.Stop), Span(constant));
            if (context.tableDeclaration() is { } table)
                return Table(table);
            if (context.mapDeclaration() is { } map)
                return Map(map);
            if (context.flowDeclaration() is { } flow)
                return Flow(flow);
            return null;
        }

        private TableSyntax Table(P.TableDeclarationContext context)
        {
            TableSourceSyntax? source = null;
            if (context.tableSource() is { } s)
            {
                var path = String(s.path, After(s.Start));
                RequirePlain(path, "A table file path");
                var key = s.keyColumn is null ? null : String(s.keyColumn, After(s.Start));
                var value = s.valueColumn is null ? null : String(s.valueColumn, After(s.Start));
                if (key is not null) RequirePlain(key, "A column name");
                if (value is not null) RequirePlain(value, "A column name");
                source = new TableSourceSyntax(path, key, value, Span(s));
            }
            var entries = new List<TableEntrySyntax>();
            foreach (var entry in context.tableEntry())
            {
                switch (entry)
                {
                    case P.TableDefaultContext d:
                        entries.Add(new TableEntrySyntax(null, Expression(d.value, d.Stop), Span(d)));
                        break;
                    case P.TableRowContext r:
                        entries.Add(new TableEntrySyntax(Expression(r.key, r.Start), Expression(r.value, r.Stop), Span(r)));
                        break;
                }
            }
            return new TableSyntax(
                Name(context.name, context.Start),
                Type(context.keyType, context.Start),
                Type(context.valueType, context.Start),
                source, entries, Span(context));
        }

        private MapSyntax Map(P.MapDeclarationContext context)
        {
            var members = new List<MapMemberSyntax>();
            foreach (var member in context.mapMember())
            {
                switch (member)
                {
                    case P.LetMemberContext let:
                        members.Add(new LetSyntax(Name(let.name, let.Start), Expression(let.value, let.Stop), Span(let)));
                        break;
                    case P.RequireMemberContext require:
                        members.Add(new RequireSyntax(Expression(require.condition, require.Start), Expression(require.message, require.Stop), Span(require)));
                        break;
                    case P.AssignmentMemberContext assignment:
                        members.Add(new AssignmentSyntax(Name(assignment.field, assignment.Start), Expression(assignment.value, assignment.Stop), Span(assignment)));
                        break;
                }
            }
            var open = context.LBRACE()?.Symbol;
            var close = context.RBRACE()?.Symbol;
            var bodyStart = open is null ? Span(context).End : open.StartIndex;
            var bodyEnd = close is { StartIndex: >= 0 } && close.StartIndex >= bodyStart ? close.StopIndex + 1 : Span(context).End;
            return new MapSyntax(
                context.name is null ? null : Name(context.name, context.Start),
                QualifiedName(context.source, context.Start),
                QualifiedName(context.target, context.ARROW()?.Symbol ?? context.Start),
                members,
                TextSpan.FromBounds(bodyStart, Math.Max(bodyStart, bodyEnd)),
                Span(context));
        }

        private QualifiedNameSyntax QualifiedName(P.QualifiedNameContext? context, IToken anchor)
        {
            if (context is null || context.identifier().Length == 0)
            {
                var at = After(anchor);
                return new QualifiedNameSyntax([new NameSyntax("", at)], at);
            }
            var parts = context.identifier().Select(i => Name(i, context.Start)).ToArray();
            return new QualifiedNameSyntax(parts, Span(context));
        }

        private TypeSyntax Type(P.TypeReferenceContext? context, IToken? anchor = null)
        {
            switch (context)
            {
                case P.ListTypeContext list:
                    return new ListTypeSyntax(Type(list.element, list.Start), list.QUESTION() is not null, Span(list));
                case P.NamedTypeContext named:
                    var arguments = new List<int>();
                    foreach (var number in named.NUMBER())
                        arguments.Add(int.TryParse(number.GetText(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : int.MaxValue);
                    return new NamedTypeSyntax(Name(named.name, named.Start), arguments, named.QUESTION() is not null, Span(named));
                default:
                    var at = anchor is null ? new TextSpan(0, 0) : After(anchor);
                    return new NamedTypeSyntax(new NameSyntax("", at), [], false, at);
            }
        }

        // ------------------------------------------------------------ expressions

        private ExpressionSyntax Expression(P.ExpressionContext? context, IToken? anchor)
        {
            if (context is null || context.exception is not null && context.Stop is null)
                return new MissingExpressionSyntax(anchor is null ? default : After(anchor));
            switch (context)
            {
                case P.PrimaryExpressionContext primary:
                    return Primary(primary.primary(), primary.Start);
                case P.NullSafeMemberExpressionContext member:
                    return new MemberExpressionSyntax(Expression(member.target, member.Start), Name(member.member, member.Stop), true, Span(member));
                case P.MemberExpressionContext member:
                    return new MemberExpressionSyntax(Expression(member.target, member.Start), Name(member.member, member.Stop), false, Span(member));
                case P.IndexExpressionContext index:
                    return new IndexExpressionSyntax(Expression(index.target, index.Start), Expression(index.index, index.LBRACKET()?.Symbol), Span(index));
                case P.CallExpressionContext call:
                    var arguments = call.argumentList()?.argument().Select(Argument).ToArray() ?? [];
                    var open = call.LPAREN()?.Symbol;
                    var close = call.RPAREN()?.Symbol;
                    var argumentsStart = open?.StartIndex ?? Span(call).End;
                    var argumentsEnd = close is { StartIndex: >= 0 } ? close.StopIndex + 1 : Span(call).End;
                    return new CallExpressionSyntax(Expression(call.callee, call.Start), arguments,
                        TextSpan.FromBounds(argumentsStart, Math.Max(argumentsStart, argumentsEnd)), Span(call));
                case P.NegateExpressionContext negate:
                    return new UnaryExpressionSyntax(UnaryOperator.Negate, Expression(negate.operand, negate.Start), Span(negate));
                case P.NotExpressionContext not:
                    return new UnaryExpressionSyntax(UnaryOperator.Not, Expression(not.operand, not.Start), Span(not));
                case P.BinaryExpressionContext binary:
                    return new BinaryExpressionSyntax(
                        Expression(binary.left, binary.Start),
                        BinaryOperatorOf(binary.op),
                        binary.op is null ? Span(binary) : TextSpan.FromBounds(binary.op.StartIndex, binary.op.StopIndex + 1),
                        Expression(binary.right, binary.op ?? binary.Stop),
                        Span(binary));
                default:
                    return new MissingExpressionSyntax(Span(context));
            }
        }

        private ExpressionSyntax Argument(P.ArgumentContext context) => context switch
        {
            P.LambdaArgumentContext lambda => new LambdaExpressionSyntax(Name(lambda.parameter, lambda.Start), Expression(lambda.body, lambda.Stop), Span(lambda)),
            P.ValueArgumentContext value => Expression(value.expression(), value.Start),
            _ => new MissingExpressionSyntax(Span(context)),
        };

        private static BinaryOperator BinaryOperatorOf(IToken? op) => op?.Type switch
        {
            MapLangLexer.PLUS => BinaryOperator.Add,
            MapLangLexer.MINUS => BinaryOperator.Subtract,
            MapLangLexer.STAR => BinaryOperator.Multiply,
            MapLangLexer.SLASH => BinaryOperator.Divide,
            MapLangLexer.PERCENT => BinaryOperator.Modulo,
            MapLangLexer.LT => BinaryOperator.Less,
            MapLangLexer.LE => BinaryOperator.LessOrEqual,
            MapLangLexer.GT => BinaryOperator.Greater,
            MapLangLexer.GE => BinaryOperator.GreaterOrEqual,
            MapLangLexer.EQ => BinaryOperator.Equal,
            MapLangLexer.NEQ => BinaryOperator.NotEqual,
            MapLangLexer.AND => BinaryOperator.And,
            MapLangLexer.OR => BinaryOperator.Or,
            _ => BinaryOperator.Coalesce,
        };

        private ExpressionSyntax Primary(P.PrimaryContext? context, IToken anchor)
        {
            switch (context)
            {
                case P.ParenthesizedContext parenthesized:
                    return new ParenthesizedExpressionSyntax(Expression(parenthesized.expression(), parenthesized.Start), Span(parenthesized));
                case P.ConditionalContext conditional:
                    return new ConditionalExpressionSyntax(
                        Expression(conditional.condition, conditional.Start),
                        Expression(conditional.whenTrue, conditional.THEN()?.Symbol ?? conditional.Start),
                        Expression(conditional.whenFalse, conditional.ELSE()?.Symbol ?? conditional.Stop),
                        Span(conditional));
                case P.MatchContext match:
                    return new MatchExpressionSyntax(Expression(match.subject, match.Start), match.matchArm().Select(MatchArm).ToArray(), Span(match));
                case P.ListLiteralContext list:
                    return new ListExpressionSyntax(list.expression().Select(e => Expression(e, list.Start)).ToArray(), Span(list));
                case P.StringContext s:
                    return String(s.stringLiteral(), After(s.Start));
                case P.NumberContext number:
                    return Number(number.NUMBER().Symbol);
                case P.DateContext date:
                    return Date(date.DATE_LITERAL().Symbol);
                case P.BooleanContext boolean:
                    return new BoolLiteralSyntax(boolean.TRUE() is not null, Span(boolean));
                case P.NullContext n:
                    return new NullLiteralSyntax(Span(n));
                case P.NameContext name:
                    return new NameExpressionSyntax(Name(name.identifier(), name.Start));
                default:
                    return new MissingExpressionSyntax(context is null ? After(anchor) : Span(context));
            }
        }

        private MatchArmSyntax MatchArm(P.MatchArmContext context) => context switch
        {
            P.CaseArmContext arm => new MatchArmSyntax(
                arm.expression().Where(e => e != arm.value).Select(e => Expression(e, arm.Start)).ToArray(),
                Expression(arm.value, arm.FATARROW()?.Symbol ?? arm.Stop),
                Span(arm)),
            P.ElseArmContext arm => new MatchArmSyntax([], Expression(arm.value, arm.FATARROW()?.Symbol ?? arm.Stop), Span(arm)),
            _ => new MatchArmSyntax([], new MissingExpressionSyntax(Span(context)), Span(context)),
        };

        private NumberLiteralSyntax Number(IToken token)
        {
            var span = TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);
            var isInteger = !token.Text.Contains('.');
            if (!decimal.TryParse(token.Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value)
                || isInteger && value > long.MaxValue)
            {
                diagnostics.Report(DiagnosticCatalog.InvalidNumber, span, token.Text);
                value = 0;
            }
            return new NumberLiteralSyntax(value, isInteger, token.Text, span);
        }

        private DateLiteralSyntax Date(IToken token)
        {
            var span = TextSpan.FromBounds(token.StartIndex, token.StopIndex + 1);
            var literal = token.Text[1..];
            var hasTime = literal.Contains('T');
            DateTimeOffset? value = null;
            if (hasTime)
            {
                if (DateTimeOffset.TryParse(literal, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal, out var dt))
                    value = dt;
            }
            else if (DateOnly.TryParseExact(literal, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d))
            {
                value = new DateTimeOffset(d.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
            }
            if (value is null) diagnostics.Report(DiagnosticCatalog.InvalidDateLiteral, span, token.Text);
            return new DateLiteralSyntax(token.Text, value, hasTime, span);
        }

        private StringExpressionSyntax String(P.StringLiteralContext? context, TextSpan anchor)
        {
            if (context is null) return new StringExpressionSyntax([], anchor);
            var parts = new List<StringPartSyntax>();
            var pending = new StringBuilder();
            var pendingStart = -1;
            var pendingEnd = -1;

            void Flush()
            {
                if (pendingStart < 0) return;
                parts.Add(new StringTextSyntax(pending.ToString(), TextSpan.FromBounds(pendingStart, pendingEnd)));
                pending.Clear();
                pendingStart = -1;
            }

            foreach (var part in context.stringPart())
            {
                switch (part)
                {
                    case P.StringTextContext t:
                        if (pendingStart < 0) pendingStart = t.Start.StartIndex;
                        pending.Append(t.GetText());
                        pendingEnd = t.Stop.StopIndex + 1;
                        break;
                    case P.StringEscapeContext e:
                        if (pendingStart < 0) pendingStart = e.Start.StartIndex;
                        pending.Append(Unescape(e.Start));
                        pendingEnd = e.Stop.StopIndex + 1;
                        break;
                    case P.StringInterpolationContext hole:
                        Flush();
                        parts.Add(new InterpolationSyntax(Expression(hole.expression(), hole.Start), Span(hole)));
                        break;
                }
            }
            Flush();
            return new StringExpressionSyntax(parts, Span(context));
        }

        private string Unescape(IToken escape)
        {
            var c = escape.Text.Length > 1 ? escape.Text[1] : '\\';
            switch (c)
            {
                case 'n': return "\n";
                case 'r': return "\r";
                case 't': return "\t";
                case '"': return "\"";
                case '\\': return "\\";
                case '{': return "{";
                case '}': return "}";
                default:
                    diagnostics.Report(DiagnosticCatalog.InvalidEscape, TextSpan.FromBounds(escape.StartIndex, escape.StopIndex + 1), escape.Text);
                    return escape.Text;
            }
        }

        private void RequirePlain(StringExpressionSyntax s, string what)
        {
            if (!s.IsPlain) diagnostics.Report(DiagnosticCatalog.PlainStringExpected, s.Span, what);
        }

        // ------------------------------------------------------------ names and spans

        private NameSyntax Name(P.IdentifierContext? context, IToken? anchor)
        {
            if (context is null || context.Start is null || context.exception is not null || context.Start.Type == TokenConstants.EOF)
                return new NameSyntax("", anchor is null ? default : After(anchor));
            return new NameSyntax(context.Start.Text, TextSpan.FromBounds(context.Start.StartIndex, context.Start.StopIndex + 1));
        }

        private TextSpan Span(ParserRuleContext context)
        {
            var start = context.Start is { Type: not TokenConstants.EOF } s ? s.StartIndex : text.Length;
            var stop = context.Stop is { } e && e.Type != TokenConstants.EOF && e.StopIndex + 1 >= start ? e.StopIndex + 1 : start;
            return TextSpan.FromBounds(start, stop);
        }

        /// <summary>An empty span just after a token: where a missing part would have been.</summary>
        private TextSpan After(IToken? token) =>
            token is null || token.Type == TokenConstants.EOF ? new TextSpan(text.Length, 0) : new TextSpan(token.StopIndex + 1, 0);
    }
}
