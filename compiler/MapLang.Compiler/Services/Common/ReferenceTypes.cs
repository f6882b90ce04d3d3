using MapLang.Compiler.Binding;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Services.Common;

/// <summary>The value type a recorded reference stands for, when it names a value.</summary>
public static class ReferenceTypes
{
    public static MapType? TypeOf(SymbolReference reference) => reference switch
    {
        FieldUse field => field.Type,
        SymbolUse { Symbol: LocalSymbol local } => local.Type,
        SymbolUse { Symbol: ParameterSymbol parameter } => parameter.Type,
        SymbolUse { Symbol: ConstantSymbol constant } => constant.Type,
        _ => null,
    };
}
