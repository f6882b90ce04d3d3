using MapLang.Schemas.Model;

namespace MapLang.Schemas.Diagnostics;

/// <summary>
/// The catalogue of schema problems (ML35xx). A code is forever: a retired code stays reserved and is never reused.
/// ML3500–ML3539: schema files (syntax and meaning); ML3540–ML3559: importers; ML3590–ML3599: loading.
/// </summary>
public static class SchemaProblemCodes
{
    private static SchemaProblemDescriptor E(string code, string title, string template) => new(code, SchemaProblemSeverity.Error, title, template);
    private static SchemaProblemDescriptor W(string code, string title, string template) => new(code, SchemaProblemSeverity.Warning, title, template);

    // Syntax (lexer and parser).
    public static readonly SchemaProblemDescriptor UnexpectedToken = E("ML3500", "Syntax error", "Expected {0} but found {1}.");
    public static readonly SchemaProblemDescriptor UnterminatedString = E("ML3501", "Unterminated string", "The string is not closed before the end of the line.");
    public static readonly SchemaProblemDescriptor InvalidCharacter = E("ML3502", "Invalid character", "The character '{0}' cannot appear in a schema file.");
    public static readonly SchemaProblemDescriptor MissingSystem = E("ML3503", "Missing system declaration", "A schema file must start with 'system <Name>' before its first declaration.");
    public static readonly SchemaProblemDescriptor DuplicateSystem = E("ML3504", "Second system declaration", "A schema file declares exactly one system; this file already declared '{0}'.");
    public static readonly SchemaProblemDescriptor InvalidEscape = E("ML3505", "Invalid escape sequence", "'\\{0}' is not a valid escape; use \\\", \\\\, \\n, \\t or \\uXXXX.");
    public static readonly SchemaProblemDescriptor NumberOutOfRange = E("ML3506", "Number out of range", "'{0}' is not a whole number between -2147483648 and 2147483647.");
    public static readonly SchemaProblemDescriptor UnterminatedComment = E("ML3507", "Unterminated comment", "The block comment is not closed with '*/'.");

    // Types.
    public static readonly SchemaProblemDescriptor UnknownType = E("ML3510", "Unknown type", "'{0}' is neither a built-in type nor an entity or enum of system '{1}'.");
    public static readonly SchemaProblemDescriptor WrongTypeArgumentCount = E("ML3511", "Wrong type arguments", "'{0}' takes {1}.");
    public static readonly SchemaProblemDescriptor BadLength = E("ML3512", "Bad length", "{0}");
    public static readonly SchemaProblemDescriptor BadDateFormat = E("ML3513", "Bad date format", "'{0}' is not a usable {1} format: {2}");

    // Declarations.
    public static readonly SchemaProblemDescriptor DuplicateField = E("ML3520", "Duplicate field", "Field '{0}' is already declared in '{1}'.");
    public static readonly SchemaProblemDescriptor DuplicateEntity = E("ML3521", "Duplicate entity", "Entity '{0}' is already declared in system '{1}' at {2}.");
    public static readonly SchemaProblemDescriptor DuplicateEnum = E("ML3522", "Duplicate enum", "Enum '{0}' is already declared in system '{1}' at {2}.");
    public static readonly SchemaProblemDescriptor DuplicateEnumMember = E("ML3523", "Duplicate enum member", "Enum '{0}' already has the value {1}.");
    public static readonly SchemaProblemDescriptor MixedEnumMembers = E("ML3524", "Mixed enum values", "Enum '{0}' mixes numbers and strings; its values must be all numbers or all strings.");
    public static readonly SchemaProblemDescriptor EmptyEnum = E("ML3525", "Empty enum", "Enum '{0}' has no values.");
    public static readonly SchemaProblemDescriptor EntityEnumNameClash = E("ML3526", "Name used twice", "'{0}' is declared both as an entity and as an enum in system '{1}'.");
    public static readonly SchemaProblemDescriptor DuplicateOutput = E("ML3527", "Second output block", "Entity '{0}' already has an output block.");
    public static readonly SchemaProblemDescriptor DuplicateMisnomer = E("ML3528", "Duplicate misnomer", "Misnomer '{0}' is already declared in system '{1}'.");
    public static readonly SchemaProblemDescriptor DuplicateJsonName = E("ML3529", "Duplicate wire name", "Wire name \"{0}\" is already used by field '{1}' of '{2}'.");

    // References.
    public static readonly SchemaProblemDescriptor UnknownWritesThrough = E("ML3530", "Unknown transaction in writes or reads", "'{0}' in the writes or reads list of '{1}' is not an entity of system '{2}'.");
    public static readonly SchemaProblemDescriptor ExtendUnknown = E("ML3531", "Extension of an unknown declaration", "There is no {0} '{1}' in system '{2}' to extend.");
    public static readonly SchemaProblemDescriptor MisnomerUnknownTarget = E("ML3532", "Misnomer points nowhere", "Misnomer '{0}' points to '{1}', which is neither an entity nor a program prefix of system '{2}'.");
    public static readonly SchemaProblemDescriptor MisnomerShadowsEntity = E("ML3533", "Misnomer names a real entity", "'{0}' is a real entity of system '{1}'; it cannot also be a misnomer.");

    // Importers.
    public static readonly SchemaProblemDescriptor ImportUnreadable = E("ML3540", "Unreadable spec", "The document cannot be read: {0}");
    public static readonly SchemaProblemDescriptor ImportNotASpec = E("ML3541", "Not a recognised spec", "{0}");
    public static readonly SchemaProblemDescriptor ImportBrokenRef = E("ML3542", "Broken $ref", "'{0}' at {1} does not resolve to a schema in this document.");
    public static readonly SchemaProblemDescriptor ImportUnsupported = W("ML3543", "Unsupported construct", "{0} at {1} is not supported; the field is typed 'any'.");
    public static readonly SchemaProblemDescriptor ImportRenamed = W("ML3544", "Name changed", "'{0}' at {1} is not a valid identifier; it is named '{2}' and keeps its wire name.");
    public static readonly SchemaProblemDescriptor ImportEntityNotFound = E("ML3545", "Requested schema not found", "There is no schema named '{0}' in the document.");
    public static readonly SchemaProblemDescriptor ImportUnknownM3Type = E("ML3546", "Unknown M3 field type", "Field '{0}' of {1} has type '{2}'; M3 types are A, N and D. It is typed 'string'.");

    // Loading.
    public static readonly SchemaProblemDescriptor FileUnreadable = E("ML3590", "Schema file unreadable", "The schema file cannot be read: {0}");

    /// <summary>Every code of the catalogue, in code order.</summary>
    public static IReadOnlyList<SchemaProblemDescriptor> All { get; } =
        typeof(SchemaProblemCodes).GetFields(System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Static)
            .Where(f => f.FieldType == typeof(SchemaProblemDescriptor))
            .Select(f => (SchemaProblemDescriptor)f.GetValue(null)!)
            .OrderBy(d => d.Code, StringComparer.Ordinal)
            .ToArray();
}
