using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Symbols;

namespace MapLang.Compiler.Binding;

/// <summary>Computes a constant's value; its type is the declared one or the value's own.</summary>
public static class ConstantBinder
{
    public static void Bind(ConstantSymbol constant, BindingContext context)
    {
        var binder = new ExpressionBinder(context, null);
        var value = binder.Bind(constant.Syntax.Value);
        if (constant.Syntax.Type is { } declared)
        {
            var type = DeclarationCollector.TypeOf(declared, context);
            if (!type.IsError && !value.Type.IsError) value = binder.Convert(value, type, $"The constant {constant.Name}");
        }
        if (value.Type.IsError) return;
        if (ConstantFolder.Fold(value) is not { } folded)
        {
            context.Diagnostics.Report(DiagnosticCatalog.NotConstant, constant.Syntax.Value.Span);
            return;
        }
        constant.Type = value.Type.Kind == TypeKind_Null ? TypeSystem.MapType.Null : value.Type;
        constant.Value = folded.Value;
    }

    private const TypeSystem.TypeKind TypeKind_Null = TypeSystem.TypeKind.Null;
}
