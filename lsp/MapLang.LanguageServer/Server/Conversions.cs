using MapLang.Compiler.Services.Common;
using MapLang.Compiler.Text;
using MapLang.LanguageServer.Protocol;
using CompilerDiagnostic = MapLang.Compiler.Diagnostics.Diagnostic;
using CompilerSeverity = MapLang.Compiler.Diagnostics.DiagnosticSeverity;

namespace MapLang.LanguageServer.Server;

/// <summary>Between the compiler's offsets and line positions and the protocol's ranges (both count UTF-16 units).</summary>
internal static class Conversions
{
    public static Position ToPosition(this LinePosition p) => new(p.Line, p.Character);

    public static LinePosition ToLinePosition(this Position p) => new(p.Line, p.Character);

    public static Protocol.Range ToRange(this SourceText text, TextSpan span) => new(text.GetPosition(span.Start).ToPosition(), text.GetPosition(span.End).ToPosition());

    public static TextSpan ToSpan(this SourceText text, Protocol.Range range) =>
        TextSpan.FromBounds(text.GetOffset(range.Start.ToLinePosition()), text.GetOffset(range.End.ToLinePosition()));

    public static int ToOffset(this SourceText text, Position position) => text.GetOffset(position.ToLinePosition());

    public static Protocol.Range ToRange(this EditorLocation location) => new(location.Start.ToPosition(), location.End.ToPosition());

    public static Protocol.Diagnostic ToProtocol(this CompilerDiagnostic d) => new(
        new Protocol.Range(d.Start.ToPosition(), d.End.ToPosition()),
        d.Severity switch { CompilerSeverity.Error => 1, CompilerSeverity.Warning => 2, _ => 3 },
        d.Code,
        "maplang",
        d.Message,
        new CodeDescription($"https://maplang.dev/docs/diagnostics#{d.Code.ToLowerInvariant()}"));
}
