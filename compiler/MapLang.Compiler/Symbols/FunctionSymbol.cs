using System.Reflection;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Symbols;

/// <summary>A function callable from .map files: a static method marked [MapFunction], or a built-in of the language.</summary>
public sealed class FunctionSymbol(string name, string category, string doc, IReadOnlyList<FunctionParameter> parameters, MapType returnType, MethodInfo? method)
    : Symbol(name)
{
    public override SymbolKind Kind => SymbolKind.Function;
    public string Category { get; } = category;
    public string Doc { get; } = doc;
    public IReadOnlyList<FunctionParameter> Parameters { get; } = parameters;
    public MapType ReturnType { get; } = returnType;
    /// <summary>The method generated code calls; null for built-ins the compiler emits itself.</summary>
    public MethodInfo? Method { get; } = method;
    public int RequiredParameterCount => Parameters.Count(p => !p.IsOptional);

    public string Signature => $"{Name}({string.Join(", ", Parameters.Select(p => p.IsOptional ? $"{p.Name}: {p.Type.Display} = …" : $"{p.Name}: {p.Type.Display}"))}): {ReturnType.Display}";
}

public sealed record FunctionParameter(string Name, MapType Type, bool IsOptional);
