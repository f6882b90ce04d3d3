using MapLang.Compiler.Symbols;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Binding;

/// <summary>The functions the language itself provides (the compiler emits them), for hover and completion.</summary>
public static class BuiltIns
{
    public static readonly FunctionSymbol Lookup = new("lookup", "language",
        "lookup(Table, key[, default]) finds key in a table; a miss gives the default (the call's, else the table's, else null). " +
        "lookup(key) assigned to a field asks the host for that field's value, e.g. the M3 customer number of an e-mail address.",
        [new FunctionParameter("table", MapType.Any, false), new FunctionParameter("key", MapType.Any, false), new FunctionParameter("default", MapType.Any, true)],
        MapType.Any, null);

    public static readonly FunctionSymbol Fail = new("fail", "language",
        "fail(message) stops the mapping with a readable error; the host puts the message in the dead letters.",
        [new FunctionParameter("message", MapType.String, false)], MapType.Never, null);

    public static IReadOnlyList<FunctionSymbol> All { get; } = [Lookup, Fail];
}
