using System.Globalization;
using MapLang.Schemas.Diagnostics;
using MapLang.Schemas.Model;
using MapLang.Schemas.Syntax;

namespace MapLang.Schemas.Loading;

/// <summary>Turns a <see cref="TypeSyntax"/> into a <see cref="SchemaType"/>; a wrong type becomes <see cref="AnyType"/> so that one mistake gives one problem.</summary>
internal sealed class TypeResolver(string system, Func<string, SchemaType?> lookup, List<SchemaProblem> problems)
{
    private static readonly DateTime Probe = new(2024, 12, 31, 23, 59, 58, 123, DateTimeKind.Utc);

    public SchemaType Resolve(TypeSyntax type)
    {
        var name = type.Name.Text;
        if (type.Name.IsMissing) return AnyType.Instance;
        switch (name)
        {
            case "list":
                if (type.TypeArguments.Count != 1 || type.Arguments is not null)
                    return Wrong(type, "one element type between angle brackets, e.g. list<OrderItem>");
                return new ListType(Resolve(type.TypeArguments[0]));
            case "string":
                return NoTypeArgs(type, "an optional maximum length, e.g. string(10)") ?? Numbers(type, 0, 1, "an optional maximum length, e.g. string(10)") switch
                {
                    null => AnyType.Instance,
                    [] => new StringType(),
                    [var n] => n >= 1 ? new StringType(n) : BadLength(type, $"A string length must be at least 1, not {n}."),
                    _ => AnyType.Instance,
                };
            case "int":
                return NoTypeArgs(type, "an optional number of digits, e.g. int(3)") ?? Numbers(type, 0, 1, "an optional number of digits, e.g. int(3)") switch
                {
                    null => AnyType.Instance,
                    [] => new IntType(),
                    [var n] => n is >= 1 and <= 19 ? new IntType(n) : BadLength(type, $"An int has 1 to 19 digits, not {n}."),
                    _ => AnyType.Instance,
                };
            case "decimal":
                return NoTypeArgs(type, "an optional precision and scale, e.g. decimal(15,6)") ?? Numbers(type, 0, 2, "an optional precision and scale, e.g. decimal(15,6)") switch
                {
                    null => AnyType.Instance,
                    [] => new DecimalType(),
                    [var p] => p is >= 1 and <= 38 ? new DecimalType(p) : BadLength(type, $"A decimal precision is 1 to 38 digits, not {p}."),
                    [var p, var s] => p is < 1 or > 38 ? BadLength(type, $"A decimal precision is 1 to 38 digits, not {p}.")
                        : s < 0 || s > p ? BadLength(type, $"A decimal scale is 0 to its precision ({p}), not {s}.")
                        : new DecimalType(p, s),
                    _ => AnyType.Instance,
                };
            case "bool":
                return NoTypeArgs(type, "no arguments") ?? (type.Arguments is null ? BoolType.Instance : Wrong(type, "no arguments"));
            case "any":
                return NoTypeArgs(type, "no arguments") ?? (type.Arguments is null ? AnyType.Instance : Wrong(type, "no arguments"));
            case "date":
            case "datetime":
                return NoTypeArgs(type, "an optional wire format, e.g. date(\"yyyyMMdd\")") ?? DateLike(type, name == "date");
        }
        var target = lookup(name);
        if (target is null)
        {
            problems.Add(SchemaProblemCodes.UnknownType.Create(type.Name.Location, name, system));
            return AnyType.Instance;
        }
        if (type.TypeArguments.Count > 0 || type.Arguments is not null)
            return Wrong(type, "no arguments");
        return target;
    }

    private SchemaType? NoTypeArgs(TypeSyntax type, string takes) =>
        type.TypeArguments.Count > 0 ? Wrong(type, takes) : null;

    private SchemaType Wrong(TypeSyntax type, string takes)
    {
        problems.Add(SchemaProblemCodes.WrongTypeArgumentCount.Create(type.Location, type.Name.Text, takes));
        return AnyType.Instance;
    }

    private SchemaType BadLength(TypeSyntax type, string message)
    {
        problems.Add(SchemaProblemCodes.BadLength.Create(type.Location, message));
        return AnyType.Instance;
    }

    /// <summary>The numeric arguments, or null (after reporting) when they are not min..max whole numbers.</summary>
    private int[]? Numbers(TypeSyntax type, int min, int max, string takes)
    {
        var args = type.Arguments ?? [];
        if (args.Count < min || args.Count > max || (type.Arguments is not null && args.Count == 0) || args.Any(a => !a.IsNumber))
        {
            Wrong(type, takes);
            return null;
        }
        var values = new int[args.Count];
        for (var i = 0; i < args.Count; i++)
        {
            if (!int.TryParse(args[i].Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out values[i]))
            {
                problems.Add(SchemaProblemCodes.NumberOutOfRange.Create(args[i].Location, args[i].Value));
                return null;
            }
        }
        return values;
    }

    private SchemaType DateLike(TypeSyntax type, bool isDate)
    {
        var takes = isDate ? "an optional wire format, e.g. date(\"yyyyMMdd\")" : "an optional wire format, e.g. datetime(\"yyyy-MM-dd HH:mm:ss\")";
        if (type.Arguments is null) return isDate ? new DateType() : new DateTimeType();
        if (type.Arguments.Count != 1 || type.Arguments[0].IsNumber) return Wrong(type, takes);
        var arg = type.Arguments[0];
        var reason = CheckFormat(arg.Value, isDate);
        if (reason is not null)
        {
            problems.Add(SchemaProblemCodes.BadDateFormat.Create(arg.Location, arg.Value, isDate ? "date" : "datetime", reason));
            return AnyType.Instance;
        }
        return isDate ? new DateType(arg.Value) : new DateTimeType(arg.Value);
    }

    private static string? CheckFormat(string format, bool isDate)
    {
        if (format.Length == 0) return "it is empty.";
        string text;
        try
        {
            text = Probe.ToString(format, CultureInfo.InvariantCulture);
        }
        catch (FormatException)
        {
            return "it is not a .NET date format pattern.";
        }
        var unquoted = StripLiterals(format);
        if (!unquoted.Contains('y') || !unquoted.Contains('M') || !unquoted.Contains('d'))
            return "it must contain the year (y), month (M) and day (d).";
        if (!isDate && !unquoted.Contains('H') && !unquoted.Contains('h'))
            return "a datetime format must contain the hour (H).";
        if (isDate && (unquoted.Contains('H') || unquoted.Contains('h') || unquoted.Contains('m') || unquoted.Contains('s')))
            return "a date format cannot contain a time of day; use datetime.";
        return DateTime.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out _)
            ? null
            : "a value written with it cannot be read back.";
    }

    private static string StripLiterals(string format)
    {
        var sb = new System.Text.StringBuilder();
        char? quote = null;
        for (var i = 0; i < format.Length; i++)
        {
            var c = format[i];
            if (quote is { } q) { if (c == q) quote = null; continue; }
            if (c is '\'' or '"') { quote = c; continue; }
            if (c == '\\') { i++; continue; }
            sb.Append(c);
        }
        return sb.ToString();
    }
}
