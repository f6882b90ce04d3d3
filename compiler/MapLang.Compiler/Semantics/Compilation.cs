using MapLang.Compiler.Binding;
using MapLang.Compiler.Binding.Flows;
using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Parsing;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.Text;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Semantics;

/// <summary>
/// A set of .map files (and the files they import) parsed, declared and bound against the schemas.
/// Binding runs once, when the compilation is created; user mistakes become diagnostics, and an
/// unexpected failure becomes ML9000 on the file it happened in.
/// </summary>
public sealed class Compilation
{
    private readonly Dictionary<string, FileScope> _files = new(StringComparer.Ordinal);
    private readonly Dictionary<string, DiagnosticBag> _diagnostics = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<SymbolReference>> _references = new(StringComparer.Ordinal);
    private readonly List<BoundMap> _maps = [];
    private readonly List<TableSymbol> _tables = [];
    private readonly List<ConstantSymbol> _constants = [];
    private readonly HashSet<MapSymbol> _duplicateMaps = [];
    private readonly List<BoundFlow> _flows = [];

    private Compilation(CompilationOptions options, IReadOnlyList<string> rootPaths)
    {
        Options = options;
        RootPaths = rootPaths;
    }

    public CompilationOptions Options { get; }
    public IReadOnlyList<string> RootPaths { get; }
    public IEnumerable<SyntaxTree> SyntaxTrees => _files.Values.Select(f => f.Tree);
    public IReadOnlyList<BoundMap> Maps => _maps;
    public IReadOnlyList<TableSymbol> Tables => _tables;
    public IReadOnlyList<ConstantSymbol> Constants => _constants;

    /// <summary>The flows without errors, in file and source order; <see cref="Emit.FlowJsonEmitter"/> writes them for the host.</summary>
    public IReadOnlyList<BoundFlow> Flows => _flows;

    /// <summary>Every diagnostic: the project's schema files first, then every .map file in position order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics => SchemaDiagnostics
        .Concat(_files.Keys.SelectMany(GetDiagnostics))
        .ToArray();

    /// <summary>Problems in the project's own schema files (the stdlib's are its tests' business), as diagnostics.</summary>
    public IReadOnlyList<Diagnostic> SchemaDiagnostics => _schemaDiagnostics ??= Options.Schemas.Problems
        .Where(p => p.Location is null || !p.Location.FilePath.StartsWith(MapLang.Schemas.Loading.SchemaLoader.StdlibPathPrefix, StringComparison.Ordinal))
        .Select(ToDiagnostic)
        .ToArray();

    private IReadOnlyList<Diagnostic>? _schemaDiagnostics;

    private static Diagnostic ToDiagnostic(SchemaProblem problem)
    {
        var descriptor = DiagnosticCatalog.ForSchemaProblem(problem.Code) with
        {
            Severity = problem.Severity == SchemaProblemSeverity.Error ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning,
        };
        var location = problem.Location;
        var start = location is null ? new LinePosition(0, 0) : new LinePosition(location.Line - 1, location.Column - 1);
        var span = location is null ? default : new TextSpan(location.Start, location.Length);
        return new Diagnostic(descriptor, problem.Message, location?.FilePath ?? "", span, start, start with { Character = start.Character + span.Length }, []);
    }

    public bool HasErrors => Diagnostics.Any(d => d.IsError);

    public IReadOnlyList<Diagnostic> GetDiagnostics(string path)
    {
        if (!_files.TryGetValue(path, out var file)) return [];
        return file.Tree.Diagnostics.Concat(_diagnostics[path].Items)
            .OrderBy(d => d.Span.Start).ThenBy(d => d.Code, StringComparer.Ordinal)
            .ToArray();
    }

    public SemanticModel GetSemanticModel(string path) =>
        new(this, _files[path], _references.GetValueOrDefault(path) ?? []);

    public FileScope? GetFileScope(string path) => _files.GetValueOrDefault(path);

    public BoundMap? FindMap(string name) => _maps.FirstOrDefault(m => m.Symbol.Name == name);

    /// <summary>Compiles files given as (full path, text); imports are read through <see cref="CompilationOptions.ReadFile"/>.</summary>
    public static Compilation Create(IEnumerable<(string Path, string Text)> files, CompilationOptions options)
    {
        var roots = files.Select(f => (Path: System.IO.Path.GetFullPath(f.Path), f.Text)).ToArray();
        var compilation = new Compilation(options, roots.Select(r => r.Path).ToArray());
        compilation.Build(roots);
        return compilation;
    }

    public static Compilation FromFiles(IEnumerable<string> paths, CompilationOptions options) =>
        Create(paths.Select(p => (p, options.ReadFile(System.IO.Path.GetFullPath(p)) ?? "")), options);

    private void Build(IReadOnlyList<(string Path, string Text)> roots)
    {
        var queue = new Queue<(string Path, string Text)>(roots);
        while (queue.Count > 0)
        {
            var (path, text) = queue.Dequeue();
            if (_files.ContainsKey(path)) continue;
            var tree = Guard(path, text, () => SyntaxBuilder.Parse(new SourceText(path, text)));
            var scope = new FileScope(tree);
            _files[path] = scope;
            _diagnostics[path] = new DiagnosticBag(tree.Text);
            _references[path] = [];
            foreach (var import in tree.Root.Declarations.OfType<ImportSyntax>())
            {
                if (import.Path.PlainValue.Length == 0) continue;
                var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(path) ?? ".", import.Path.PlainValue));
                scope.Imports.Add(target);
                if (_files.ContainsKey(target) || queue.Any(q => q.Path == target)) continue;
                string? importedText;
                try { importedText = Options.ReadFile(target); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException) { importedText = null; }
                if (importedText is null)
                {
                    _diagnostics[path].Report(DiagnosticCatalog.ImportNotFound, import.Path.Span, import.Path.PlainValue, $"there is no file {target}.");
                    scope.Imports.Remove(target);
                    continue;
                }
                queue.Enqueue((target, importedText));
            }
        }

        foreach (var file in _files.Values) Run(file, context => DeclarationCollector.Collect(context));
        // Maps need every file's connectors; names from imports are visible once every file has declared its own.
        var mapSymbols = new List<(FileScope File, MapSymbol Map)>();
        foreach (var file in _files.Values)
            Run(file, context =>
            {
                foreach (var map in file.Tree.Root.Declarations.OfType<MapSyntax>())
                    if (DeclarationCollector.DeclareMap(context, map) is { } symbol) mapSymbols.Add((file, symbol));
            });
        ReportDuplicateMapNames(mapSymbols);
        foreach (var file in _files.Values) AddImportedNames(file);

        foreach (var file in _files.Values)
            Run(file, context =>
            {
                foreach (var constant in file.Declared.OfType<ConstantSymbol>())
                {
                    ConstantBinder.Bind(constant, context);
                    _constants.Add(constant);
                }
            });
        foreach (var file in _files.Values)
            Run(file, context =>
            {
                foreach (var table in file.Declared.OfType<TableSymbol>())
                {
                    TableBinder.Bind(table, context, Options.ReadFile);
                    _tables.Add(table);
                }
            });
        foreach (var (file, map) in mapSymbols)
            Run(file, context =>
            {
                if (MapBinder.Bind(map, context) is { } bound && !_duplicateMaps.Contains(map)) _maps.Add(bound);
            });

        BindFlows(mapSymbols);
        ReportUnusedTables();
    }

    /// <summary>Flows name maps of any file (the host finds mappers by name) and are unique by name across files.</summary>
    private void BindFlows(List<(FileScope File, MapSymbol Map)> mapSymbols)
    {
        var maps = new Dictionary<string, MapSymbol>(StringComparer.Ordinal);
        foreach (var (_, map) in mapSymbols) maps.TryAdd(map.Name, map);
        var seen = new Dictionary<string, (string Path, TextSpan Span)>(StringComparer.Ordinal);
        foreach (var file in _files.Values)
            Run(file, context =>
            {
                foreach (var flow in file.Tree.Root.Declarations.OfType<FlowSyntax>())
                {
                    var duplicate = false;
                    if (!flow.Name.IsMissing)
                    {
                        if (seen.TryGetValue(flow.Name.Text, out var first))
                        {
                            duplicate = true;
                            context.Diagnostics.Report(DiagnosticCatalog.DuplicateDeclaration, flow.Name.Span, flow.Name.Text,
                                first.Path == file.Tree.Path ? $"line {file.Tree.Text.GetPosition(first.Span.Start).Line + 1}" : System.IO.Path.GetFileName(first.Path));
                        }
                        else seen[flow.Name.Text] = (file.Tree.Path, flow.Name.Span);
                    }
                    if (FlowBinder.Bind(flow, context, maps) is { } bound && !duplicate) _flows.Add(bound);
                }
            });
    }

    private void ReportDuplicateMapNames(List<(FileScope File, MapSymbol Map)> maps)
    {
        // Map names identify mappers at run time (maplang run --map, the host's flows), so they are unique across files.
        // A duplicate is still bound, so that its body's mistakes are reported, but it is not emitted.
        var seen = new Dictionary<string, MapSymbol>(StringComparer.Ordinal);
        foreach (var (file, map) in maps)
        {
            if (!seen.TryGetValue(map.Name, out var first))
            {
                seen[map.Name] = map;
                continue;
            }
            if (first.FilePath != map.FilePath)
            {
                _diagnostics[file.Tree.Path].Report(DiagnosticCatalog.DuplicateDeclaration, map.NameSpan,
                    map.IsNamed ? map.Name : $"{map.Name} (the name of an unnamed map from {map.Syntax.Source.Text} to {map.Syntax.Target.Text})",
                    System.IO.Path.GetFileName(first.FilePath));
                file.Maps.Remove(map.Name);
            }
            _duplicateMaps.Add(map);
        }
    }

    private void AddImportedNames(FileScope file)
    {
        var visited = new HashSet<string>(StringComparer.Ordinal) { file.Tree.Path };
        var pending = new Stack<string>(file.Imports);
        while (pending.Count > 0)
        {
            var path = pending.Pop();
            if (!visited.Add(path) || !_files.TryGetValue(path, out var imported)) continue;
            foreach (var symbol in imported.Declared)
            {
                switch (symbol)
                {
                    case ConstantSymbol c: file.Constants.TryAdd(c.Name, c); break;
                    case TableSymbol t: file.Tables.TryAdd(t.Name, t); break;
                    case MapSymbol m: file.Maps.TryAdd(m.Name, m); break;
                }
            }
            foreach (var next in imported.Imports) pending.Push(next);
        }
    }

    private void ReportUnusedTables()
    {
        var used = _references.Values.SelectMany(r => r).OfType<SymbolUse>()
            .Where(u => u.Symbol is TableSymbol t && u.Span != t.NameSpan)
            .Select(u => u.Symbol).ToHashSet();
        foreach (var table in _tables.Where(t => !used.Contains(t)))
            _diagnostics[table.FilePath].Report(DiagnosticCatalog.UnusedTable, table.NameSpan, table.Name);
    }

    private void Run(FileScope file, Action<BindingContext> action)
    {
        var path = file.Tree.Path;
        var context = new BindingContext(file, Options.Schemas, Options.Functions, _diagnostics[path], _references[path]);
        try
        {
            action(context);
        }
        catch (Exception e)
        {
            _diagnostics[path].Report(DiagnosticCatalog.InternalError, new TextSpan(0, 0), $"{e.GetType().Name}: {e.Message}");
            InternalErrors.Add(e);
        }
    }

    private SyntaxTree Guard(string path, string text, Func<SyntaxTree> parse)
    {
        try
        {
            return parse();
        }
        catch (Exception e)
        {
            InternalErrors.Add(e);
            var source = new SourceText(path, text);
            var diagnostic = Diagnostic.Create(DiagnosticCatalog.InternalError, source, new TextSpan(0, 0), null, $"{e.GetType().Name}: {e.Message}");
            return new SyntaxTree(source, new CompilationUnitSyntax([], new TextSpan(0, text.Length)), [diagnostic]);
        }
    }

    /// <summary>Exceptions turned into ML9000, with their stacks, for verbose output.</summary>
    public List<Exception> InternalErrors { get; } = [];
}
