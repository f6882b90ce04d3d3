using MapLang.Compiler.Binding;

namespace MapLang.Compiler.Services.Navigation;

/// <summary>What makes two references name the same thing: the same symbol object, or the same schema field, entity or connector.</summary>
internal static class SymbolKey
{
    public static object Of(SymbolReference reference) => reference switch
    {
        SymbolUse s => s.Symbol,
        FieldUse f => $"field:{f.Entity.QualifiedName}.{f.Field.Name}",
        EntityUse e => $"entity:{e.Entity.QualifiedName}",
        SystemUse s => $"system:{s.System.Name}",
        _ => reference,
    };
}
