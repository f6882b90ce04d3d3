using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Semantics;
using MapLang.Compiler.Text;

namespace MapLang.Compiler.Emit;

/// <summary>The result of emitting a compilation: the C# and its assembly, or why there is none.</summary>
public sealed record EmitResult(string? CSharp, MapperAssembly? Assembly, IReadOnlyList<Diagnostics.Diagnostic> Diagnostics)
{
    public bool Success => Assembly is { Success: true } && !Diagnostics.Any(d => d.IsError);

    /// <summary>The compiled flows as the host's flow JSON (an array; <c>[]</c> without flows or with errors).</summary>
    public string FlowsJson { get; init; } = "[]";
}

/// <summary>Compilation → C# → assembly. Emits nothing while there is an error; a Roslyn failure on generated code is ML9001.</summary>
public static class MapperBuilder
{
    public static EmitResult Build(Compilation compilation)
    {
        if (compilation.HasErrors) return new EmitResult(null, null, compilation.Diagnostics);
        string csharp;
        IReadOnlyList<GeneratedFile> files;
        try
        {
            (csharp, files) = CSharpEmitter.EmitBoth(compilation);
        }
        catch (Exception e)
        {
            return new EmitResult(null, null, [.. compilation.Diagnostics, Internal(compilation, DiagnosticCatalog.InternalError, $"{e.GetType().Name}: {e.Message}")]);
        }
        var assembly = MapperAssemblyCompiler.Compile(files, compilation.Options.Functions.Assemblies);
        if (!assembly.Success || assembly.Diagnostics.Count > 0)
        {
            var first = assembly.Diagnostics.OrderByDescending(d => d.Severity).FirstOrDefault();
            return new EmitResult(csharp, assembly, [.. compilation.Diagnostics, AtMappedLocation(compilation, first)]);
        }
        return new EmitResult(csharp, assembly, compilation.Diagnostics) { FlowsJson = FlowJsonEmitter.Emit(compilation.Flows) };
    }

    /// <summary>ML9001 where the #line directives say the failing C# came from, so the user sees which .map line triggered the bug.</summary>
    private static Diagnostics.Diagnostic AtMappedLocation(Compilation compilation, Microsoft.CodeAnalysis.Diagnostic? roslyn)
    {
        var detail = roslyn?.ToString() ?? "no output";
        var mapped = roslyn?.Location.GetMappedLineSpan();
        var tree = mapped is { HasMappedPath: true } m ? compilation.SyntaxTrees.FirstOrDefault(t => t.Path == m.Path) : null;
        if (tree is null || mapped is not { } span) return Internal(compilation, DiagnosticCatalog.GeneratedCodeDidNotCompile, detail);
        var start = tree.Text.GetOffset(new LinePosition(span.StartLinePosition.Line, span.StartLinePosition.Character));
        var end = tree.Text.GetOffset(new LinePosition(span.EndLinePosition.Line, span.EndLinePosition.Character));
        return Diagnostics.Diagnostic.Create(DiagnosticCatalog.GeneratedCodeDidNotCompile, tree.Text, TextSpan.FromBounds(start, Math.Max(start, end)), null, roslyn!.GetMessage(System.Globalization.CultureInfo.InvariantCulture));
    }

    private static Diagnostics.Diagnostic Internal(Compilation compilation, DiagnosticDescriptor descriptor, string detail)
    {
        var path = compilation.RootPaths.FirstOrDefault() ?? "";
        return Diagnostics.Diagnostic.Create(descriptor, new SourceText(path, ""), new TextSpan(0, 0), null, detail);
    }
}
