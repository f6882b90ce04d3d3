using System.Reflection;
using MapLang.Compiler.Symbols;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Semantics;

/// <summary>What a compilation checks against and how it reads imported files and table CSVs.</summary>
public sealed record CompilationOptions(SchemaCatalog Schemas, FunctionTable Functions)
{
    /// <summary>Reads a file by full path, or returns null when it does not exist. Editors pass their open documents through here.</summary>
    public Func<string, string?> ReadFile { get; init; } = path => File.Exists(path) ? File.ReadAllText(path) : null;

    public static CompilationOptions Create(SchemaCatalog schemas, IEnumerable<Assembly> functionAssemblies) =>
        new(schemas, new FunctionTable(functionAssemblies));

    /// <summary>The stdlib's schemas and functions.</summary>
    public static CompilationOptions Default => Create(global::MapLang.Schemas.Loading.SchemaLoader.LoadStdlib(), [typeof(MapLang.Stdlib.FunctionCatalog).Assembly]);
}
