using System.Globalization;
using MapLang.Compiler.Diagnostics;
using MapLang.Compiler.Symbols;
using MapLang.Compiler.Syntax;
using MapLang.Compiler.TypeSystem;

namespace MapLang.Compiler.Binding;

/// <summary>Fills a table's rows from its inline entries or its CSV file, checking types and duplicate keys.</summary>
public static class TableBinder
{
    public static void Bind(TableSymbol table, BindingContext context, Func<string, string?> readFile)
    {
        var binder = new ExpressionBinder(context, null);
        var diagnostics = context.Diagnostics;
        var rows = new List<(object Key, object? Value)>();
        var keys = new HashSet<object>();
        var keyType = table.KeyType;
        var valueType = table.ValueType;
        var typesKnown = !keyType.IsError && !valueType.IsError;
        if (typesKnown && !keyType.IsPrimitive)
        {
            diagnostics.Report(DiagnosticCatalog.TypeMismatch, table.Syntax.KeyType.Span, "A table key", "text, a number, a date or bool", keyType.Display, "");
            typesKnown = false;
        }

        foreach (var entry in table.Syntax.Entries)
        {
            var value = binder.Bind(entry.Value);
            if (typesKnown && !value.Type.IsError) value = binder.Convert(value, valueType.WithNullability(value.Type.IsNullable), $"A value of table {table.Name}");
            if (entry.IsDefault)
            {
                if (table.Default is not null)
                    diagnostics.Report(DiagnosticCatalog.DuplicateTableKey, entry.Span, "default", table.Name);
                else if (!value.Type.IsError)
                    table.Default = value;
                continue;
            }
            var key = binder.Bind(entry.Key!);
            if (typesKnown && !key.Type.IsError) key = binder.Convert(key, keyType.AsNonNull(), $"A key of table {table.Name}");
            if (key.Type.IsError || value.Type.IsError || !typesKnown) continue;
            var keyConstant = ConstantFolder.Fold(key);
            var valueConstant = ConstantFolder.Fold(value);
            if (keyConstant?.Value is null)
            {
                diagnostics.Report(DiagnosticCatalog.NotConstant, entry.Key!.Span);
                continue;
            }
            if (valueConstant is null)
            {
                diagnostics.Report(DiagnosticCatalog.NotConstant, entry.Value.Span);
                continue;
            }
            if (!keys.Add(keyConstant.Value))
            {
                diagnostics.Report(DiagnosticCatalog.DuplicateTableKey, entry.Key!.Span, Quote(keyConstant.Value), table.Name);
                continue;
            }
            rows.Add((keyConstant.Value, valueConstant.Value));
        }

        if (table.Syntax.Source is { } source && typesKnown)
            ReadCsv(table, source, context, readFile, rows, keys);
        table.Rows = rows;
    }

    private static void ReadCsv(TableSymbol table, TableSourceSyntax source, BindingContext context, Func<string, string?> readFile,
        List<(object Key, object? Value)> rows, HashSet<object> keys)
    {
        var diagnostics = context.Diagnostics;
        var relative = source.Path.PlainValue;
        var path = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(Path.GetFullPath(context.FilePath)) ?? ".", relative));
        table.CsvPath = path;
        string? text;
        try { text = readFile(path); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException) { text = null; }
        if (text is null)
        {
            diagnostics.Report(DiagnosticCatalog.TableFileProblem, source.Path.Span, $"Cannot read the table file '{relative}' (looked for {path}).");
            return;
        }
        var records = Csv.Parse(text);
        if (records.Count == 0)
        {
            diagnostics.Report(DiagnosticCatalog.TableFileProblem, source.Path.Span, $"The table file '{relative}' is empty: it needs a header row.");
            return;
        }
        var header = records[0].Fields;
        var keyColumn = source.KeyColumn?.PlainValue;
        var valueColumn = source.ValueColumn?.PlainValue;
        var keyIndex = keyColumn is null ? 0 : Array.IndexOf(header, keyColumn);
        var valueIndex = valueColumn is null ? 1 : Array.IndexOf(header, valueColumn);
        if (keyIndex < 0 || valueIndex < 0 || valueIndex >= header.Length)
        {
            var missingColumn = keyIndex < 0 ? keyColumn : valueColumn ?? "(a second column)";
            diagnostics.Report(DiagnosticCatalog.TableFileProblem, (source.KeyColumn ?? source.Path).Span,
                $"The table file '{relative}' has no column '{missingColumn}'; its columns are {string.Join(", ", header)}.");
            return;
        }
        foreach (var record in records.Skip(1))
        {
            if (record.Fields.Length == 1 && record.Fields[0].Length == 0) continue;
            if (record.Fields.Length <= Math.Max(keyIndex, valueIndex))
            {
                diagnostics.Report(DiagnosticCatalog.TableFileProblem, source.Path.Span, $"{relative} line {record.Line}: expected {header.Length} columns, found {record.Fields.Length}.");
                return;
            }
            if (!TryParse(record.Fields[keyIndex], table.KeyType, out var key) || key is null)
            {
                diagnostics.Report(DiagnosticCatalog.TableFileProblem, source.Path.Span, $"{relative} line {record.Line}: the key '{record.Fields[keyIndex]}' is not {table.KeyType.AsNonNull().Display}.");
                return;
            }
            if (!TryParse(record.Fields[valueIndex], table.ValueType, out var value))
            {
                diagnostics.Report(DiagnosticCatalog.TableFileProblem, source.Path.Span, $"{relative} line {record.Line}: the value '{record.Fields[valueIndex]}' is not {table.ValueType.Display}.");
                return;
            }
            if (!keys.Add(key))
            {
                diagnostics.Report(DiagnosticCatalog.TableFileProblem, source.Path.Span, $"{relative} line {record.Line}: the key '{record.Fields[keyIndex]}' appears twice.");
                return;
            }
            rows.Add((key, value));
        }
    }

    private static bool TryParse(string text, MapType type, out object? value)
    {
        value = null;
        if (text.Length == 0 && type.IsNullable) return true;
        var inv = CultureInfo.InvariantCulture;
        switch (type.UnderlyingKind)
        {
            case TypeKind.String: value = text; return true;
            case TypeKind.Int when long.TryParse(text, NumberStyles.AllowLeadingSign, inv, out var l): value = l; return true;
            case TypeKind.Decimal when decimal.TryParse(text, NumberStyles.Number, inv, out var d): value = d; return true;
            case TypeKind.Bool when bool.TryParse(text, out var b): value = b; return true;
            case TypeKind.Date when DateOnly.TryParseExact(text, "yyyy-MM-dd", inv, DateTimeStyles.None, out var date): value = date; return true;
            case TypeKind.DateTime when DateTimeOffset.TryParse(text, inv, DateTimeStyles.AssumeUniversal, out var dt): value = dt; return true;
            default: return false;
        }
    }

    private static string Quote(object value) => value is string s ? $"\"{s}\"" : ConstantFolder.Text(value);
}
