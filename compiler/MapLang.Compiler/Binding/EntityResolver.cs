using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Syntax;
using MapLang.Schemas.Model;

namespace MapLang.Compiler.Binding;

/// <summary>Resolves <c>System.Entity</c> names of map headers against the schemas, with the diagnostics of each way it can go wrong.</summary>
public static class EntityResolver
{
    /// <summary>ML2001 with the closest connector names, or the list of connectors when none is close.</summary>
    public static void ReportUnknownSystem(NameSyntax name, BindingContext context)
    {
        var suggestions = Suggestions.Closest(name.Text, context.Schemas.Systems.Keys);
        context.Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownSystem, name.Span, suggestions, name.Text,
            suggestions.Count > 0 ? Suggestions.Phrase(suggestions) : $" Connectors: {string.Join(", ", context.Schemas.Systems.Keys.Order())}.");
    }

    public static EntitySchema? Resolve(QualifiedNameSyntax name, BindingContext context)
    {
        var parts = name.Parts;
        if (parts.Count == 0 || parts.Any(p => p.IsMissing)) return null;
        var systemName = parts[0];
        var system = context.Schemas.FindSystem(systemName.Text);
        if (system is null)
        {
            ReportUnknownSystem(systemName, context);
            return null;
        }
        context.References.Add(new SystemUse(system, systemName.Span));
        if (!context.File.UsedSystems.Contains(system.Name))
        {
            context.Diagnostics.ReportWithSuggestions(DiagnosticCatalog.SystemNotUsed, systemName.Span, [$"use {system.Name}"], system.Name);
            return null;
        }
        if (parts.Count == 1)
        {
            var at = new Text.TextSpan(systemName.Span.End, 0);
            context.Diagnostics.Report(DiagnosticCatalog.UnknownEntity, at, system.Name, "", $" Write {system.Name}.Entity.");
            return null;
        }
        var entityName = string.Join('.', parts.Skip(1).Select(p => p.Text));
        var entitySpan = Text.TextSpan.FromBounds(parts[1].Span.Start, parts[^1].Span.End);
        if (system.FindEntity(entityName) is { } entity)
        {
            context.References.Add(new EntityUse(entity, entitySpan));
            return entity;
        }
        // A misnomer can name a transaction (OIS100MI.AddHead) or a whole program that does not exist (OIS300MI).
        for (var n = parts.Count - 1; n >= 1; n--)
        {
            var prefix = string.Join('.', parts.Skip(1).Take(n).Select(p => p.Text));
            if (system.Misnomers.TryGetValue(prefix, out var misnomer))
            {
                context.Diagnostics.ReportWithSuggestions(DiagnosticCatalog.Misnomer, entitySpan, [misnomer.Instead], system.Name, prefix, misnomer.Explanation, misnomer.Instead);
                return null;
            }
        }
        var suggestionsForEntity = Suggestions.Closest(entityName, system.Entities.Keys);
        context.Diagnostics.ReportWithSuggestions(DiagnosticCatalog.UnknownEntity, entitySpan, suggestionsForEntity, system.Name, entityName, Suggestions.Phrase(suggestionsForEntity));
        return null;
    }
}
