using System.Reflection;
using static MapLang.Compiler.Diagnostics.DiagnosticSeverity;

namespace MapLang.Compiler.Diagnostics;

/// <summary>
/// Every diagnostic the compiler reports. Codes are forever: a retired code is never reused.
/// ML1xxx syntax, ML2xxx names, ML3xxx types and schemas (ML35xx schema files), ML4xxx flows and runtime contracts, ML9xxx internal.
/// docs/diagnostics.md is generated from this class.
/// </summary>
public static class DiagnosticCatalog
{
    // ---- ML1xxx syntax
    public static readonly DiagnosticDescriptor UnexpectedToken = new("ML1001", Error, "Unexpected token",
        "Unexpected {0}; expected {1}.");
    public static readonly DiagnosticDescriptor UnexpectedCharacter = new("ML1002", Error, "Unexpected character",
        "The character '{0}' has no meaning in MapLang: remove it.");
    public static readonly DiagnosticDescriptor UnterminatedString = new("ML1003", Error, "Unterminated string",
        "This string is not closed: add a closing \" before the end of the line.");
    public static readonly DiagnosticDescriptor UnterminatedComment = new("ML1004", Error, "Unterminated comment",
        "This comment is not closed: add */.");
    public static readonly DiagnosticDescriptor InvalidNumber = new("ML1005", Error, "Invalid number",
        "'{0}' is too large for a number: MapLang numbers hold up to 28 significant digits.");
    public static readonly DiagnosticDescriptor InvalidDateLiteral = new("ML1006", Error, "Invalid date literal",
        "'{0}' is not a valid date or date-time: write @yyyy-MM-dd or @yyyy-MM-ddTHH:mm:ssZ.");
    public static readonly DiagnosticDescriptor InvalidEscape = new("ML1007", Error, "Invalid escape",
        "Unknown escape '{0}' in a string: use \\n, \\r, \\t, \\\", \\\\ or \\{{.");
    public static readonly DiagnosticDescriptor PlainStringExpected = new("ML1008", Error, "Plain string expected",
        "{0} must be a plain string without {{...}} holes.");

    // ---- ML2xxx names
    public static readonly DiagnosticDescriptor UnknownSystem = new("ML2001", Error, "Unknown connector",
        "There is no connector '{0}'.{1}");
    public static readonly DiagnosticDescriptor SystemNotUsed = new("ML2002", Error, "Connector not used",
        "'{0}' is not used in this file: add `use {0}` at the top.");
    public static readonly DiagnosticDescriptor UnknownEntity = new("ML2003", Error, "Unknown entity",
        "{0} has no entity '{1}'.{2}");
    public static readonly DiagnosticDescriptor Misnomer = new("ML2004", Error, "Name that does not exist in the system",
        "{0}.{1} does not exist: {2} Use {0}.{3}.");
    public static readonly DiagnosticDescriptor UnknownField = new("ML2005", Error, "Unknown field",
        "{0} has no field '{1}'.{2}");
    public static readonly DiagnosticDescriptor UnknownName = new("ML2006", Error, "Unknown name",
        "'{0}' is not a field, local, constant or table here.{1}");
    public static readonly DiagnosticDescriptor UnknownFunction = new("ML2007", Error, "Unknown function",
        "There is no function '{0}'.{1}");
    public static readonly DiagnosticDescriptor DuplicateDeclaration = new("ML2008", Error, "Duplicate declaration",
        "'{0}' is already declared in {1}: rename one of them.");
    public static readonly DiagnosticDescriptor DuplicateAssignment = new("ML2009", Error, "Duplicate assignment",
        "'{0}' is already assigned in this map: remove one of the assignments.");
    public static readonly DiagnosticDescriptor UnusedLet = new("ML2010", Warning, "Unused local",
        "The local '{0}' is never used: remove it, or use it.");
    public static readonly DiagnosticDescriptor UnusedTable = new("ML2011", Warning, "Unused table",
        "The table '{0}' is never used: remove it, or look it up with lookup({0}, key).");
    public static readonly DiagnosticDescriptor ImportNotFound = new("ML2012", Error, "Imported file not found",
        "Cannot read the imported file '{0}': {1}");
    public static readonly DiagnosticDescriptor UnknownMap = new("ML2013", Error, "Unknown map",
        "There is no map named '{0}'.{1}");
    public static readonly DiagnosticDescriptor CircularLet = new("ML2014", Error, "Circular definition",
        "'{0}' depends on itself ({1}): break the cycle.");
    public static readonly DiagnosticDescriptor DuplicateUse = new("ML2015", Warning, "Duplicate use",
        "'{0}' is already used in this file: remove this line.");
    public static readonly DiagnosticDescriptor UnknownType = new("ML2016", Error, "Unknown type",
        "There is no type '{0}': use string, int, decimal, bool, date or datetime, optionally with ? for null.");
    public static readonly DiagnosticDescriptor DuplicateTableKey = new("ML2017", Error, "Duplicate table key",
        "The key {0} is already in table '{1}': remove one of the rows.");
    public static readonly DiagnosticDescriptor ReservedName = new("ML2018", Error, "Reserved name",
        "'{0}' is reserved: choose another name.");

    // ---- ML3xxx types and schemas
    public static readonly DiagnosticDescriptor TypeMismatch = new("ML3001", Error, "Type mismatch",
        "{0} is {1}, but this value is {2}.{3}");
    public static readonly DiagnosticDescriptor RequiredFieldsNotAssigned = new("ML3002", Error, "Required field not assigned",
        "{0} requires {1}: assign {2}.");
    public static readonly DiagnosticDescriptor PossiblyNullIntoRequired = new("ML3003", Error, "Possibly null value into a required field",
        "{0} is required, but this value may be null: add a default with `?? ...`, or fail(...) with a reason.");
    public static readonly DiagnosticDescriptor LiteralTooLong = new("ML3004", Error, "Text longer than the field",
        "This text has {0} characters, but {1} holds at most {2}: shorten it.");
    public static readonly DiagnosticDescriptor MayBeTooLong = new("ML3005", Warning, "Text may be longer than the field",
        "This value may have up to {0} characters, but {1} holds at most {2}: wrap it in truncate(..., {2}) or check it.");
    public static readonly DiagnosticDescriptor OperatorMismatch = new("ML3006", Error, "Operator not defined for these types",
        "'{0}' cannot combine {1} and {2}.{3}");
    public static readonly DiagnosticDescriptor ConditionNotBool = new("ML3007", Error, "Condition is not bool",
        "A condition must be bool, but this is {0}.{1}");
    public static readonly DiagnosticDescriptor PossiblyNullMember = new("ML3008", Error, "Member of a possibly null value",
        "This value may be null: write ?.{0} to read '{0}' safely.");
    public static readonly DiagnosticDescriptor ArgumentMismatch = new("ML3009", Error, "Argument does not fit",
        "{0}: {1}");
    public static readonly DiagnosticDescriptor NotAList = new("ML3011", Error, "Not a list",
        "'{0}' works on lists, but this is {1}.");
    public static readonly DiagnosticDescriptor NotIndexable = new("ML3012", Error, "Not indexable",
        "Only lists can be indexed, but this is {0}.");
    public static readonly DiagnosticDescriptor NoCommonType = new("ML3013", Error, "Branches of different types",
        "The branches give {0} and {1}: make them the same type.");
    public static readonly DiagnosticDescriptor NotConstant = new("ML3014", Error, "Not a constant",
        "A constant must be made of literals and other constants.");
    public static readonly DiagnosticDescriptor UnknownEnumValue = new("ML3016", Error, "Unknown enum value",
        "'{0}' is not a value of {1}.{2}");
    public static readonly DiagnosticDescriptor MapSourceMismatch = new("ML3017", Error, "Map applied to the wrong record",
        "The map {0} reads {1}, but this is {2}.");
    public static readonly DiagnosticDescriptor MapResultNotAssigned = new("ML3018", Error, "Map result used as a value",
        "The result of a map can only be assigned to a field of the target, as a whole.");
    public static readonly DiagnosticDescriptor LookupWithoutTarget = new("ML3019", Error, "lookup(key) outside an assignment",
        "lookup(key) without a table asks the host for the field it is assigned to: assign it directly to a field, or look up a table with lookup(Table, key).");
    public static readonly DiagnosticDescriptor TableFileProblem = new("ML3020", Error, "Table file problem",
        "{0}");
    public static readonly DiagnosticDescriptor NoFields = new("ML3022", Error, "Value has no fields",
        "{0} has no fields to read.");
    public static readonly DiagnosticDescriptor LambdaNotAllowed = new("ML3029", Error, "Lambda not allowed here",
        "A lambda (x => ...) is only allowed as the argument of a list operation such as filter or map.");
    public static readonly DiagnosticDescriptor NumberTooLarge = new("ML3030", Error, "Number larger than the field",
        "This number has {0} digits, but {1} holds at most {2}.");
    public static readonly DiagnosticDescriptor NotAssignableField = new("ML3031", Error, "Field cannot be assigned",
        "{0} is a list of records: assign it a list operation that ends in .map(MapName), e.g. items.map(LineMap).");
    public static readonly DiagnosticDescriptor DuplicateCase = new("ML3032", Warning, "Case already handled",
        "The case {0} is already handled above: remove it.");
    public static readonly DiagnosticDescriptor WrongArgumentCount = new("ML3033", Error, "Wrong number of arguments",
        "{0} takes {1}, but {2} given.");

    // ---- ML4xxx flows
    public static readonly DiagnosticDescriptor FlowWithoutTrigger = new("ML4001", Error, "Flow without trigger",
        "The flow '{0}' has no trigger: add `on webhook <connection> \"<event>\"`, `on schedule <connection> \"<operation>\" every <seconds>` or `on ion \"<Noun>\"`.");
    public static readonly DiagnosticDescriptor DuplicateTrigger = new("ML4002", Error, "Second trigger",
        "The flow '{0}' already has a trigger (line {1}): a flow has one trigger; write a second flow for another.");
    public static readonly DiagnosticDescriptor FlowWithoutKey = new("ML4003", Error, "Flow without idempotency key",
        "The flow '{0}' has no idempotency key: add `key <field>` naming the payload field that identifies a message (e.g. key increment_id).");
    public static readonly DiagnosticDescriptor DuplicateKey = new("ML4004", Error, "Second idempotency key",
        "The flow '{0}' already has a key (line {1}): remove one of them.");
    public static readonly DiagnosticDescriptor UnknownVariable = new("ML4005", Error, "Unknown variable",
        "There is no variable '{0}' here: a path starts with payload or the output of an earlier step.{1}");
    public static readonly DiagnosticDescriptor DuplicateVariable = new("ML4006", Error, "Variable already defined",
        "The variable '{0}' is already defined ({1}): choose another name.");
    public static readonly DiagnosticDescriptor CallInputMismatch = new("ML4007", Error, "Call with the wrong record",
        "The operation {0} writes a {0} record, but '{1}' is {2}: pass it the result of a map to {0}.");
    public static readonly DiagnosticDescriptor FlowWithoutSteps = new("ML4008", Error, "Flow without steps",
        "The flow '{0}' does nothing: add steps (map, call, reply…).");
    public static readonly DiagnosticDescriptor InvalidInterval = new("ML4009", Error, "Invalid schedule interval",
        "A schedule runs every whole number of seconds from 1 to 2147483647, but this is {0}.");
    public static readonly DiagnosticDescriptor KeyNotScalar = new("ML4010", Error, "Idempotency key is not a value",
        "The key must be a text or number field of the payload, but '{0}' is {1}.");
    public static readonly DiagnosticDescriptor TemplateHoleNotPath = new("ML4011", Error, "Reply field inserts an expression",
        "A reply field can only insert a variable's value, such as {0}: write a path without operators or calls.");
    public static readonly DiagnosticDescriptor PayloadIsList = new("ML4012", Error, "Path through a list",
        "'{0}' is {1}: read its items with `for each item in {0} {{ … }}`.");
    public static readonly DiagnosticDescriptor ReplyInputNotRecord = new("ML4013", Error, "Reply with a value that is not a record",
        "A reply sends a record as its body, but '{0}' is {1}: reply with the output of a map, or write the fields in {{ … }}.");

    // ---- ML9xxx internal
    public static readonly DiagnosticDescriptor InternalError = new("ML9000", Error, "Internal compiler error",
        "The compiler failed unexpectedly ({0}). This is a bug in MapLang, not in your file: please report it with the file.");
    public static readonly DiagnosticDescriptor GeneratedCodeDidNotCompile = new("ML9001", Error, "Generated code did not compile",
        "The generated C# did not compile ({0}). This is a bug in MapLang: please report it with the file.");

    private static IReadOnlyList<DiagnosticDescriptor>? _all;
    private static Dictionary<string, DiagnosticDescriptor>? _schema;

    /// <summary>Every descriptor: the compiler's above, then the schema files' ML35xx (defined with the schema parser), by code.</summary>
    public static IReadOnlyList<DiagnosticDescriptor> All => _all ??= typeof(DiagnosticCatalog)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(f => f.FieldType == typeof(DiagnosticDescriptor))
        .Select(f => (DiagnosticDescriptor)f.GetValue(null)!)
        .Concat(SchemaDescriptors.Values)
        .OrderBy(d => d.Code, StringComparer.Ordinal)
        .ToArray();

    /// <summary>The descriptor of a schema problem's code.</summary>
    public static DiagnosticDescriptor ForSchemaProblem(string code) =>
        SchemaDescriptors.TryGetValue(code, out var d) ? d : new DiagnosticDescriptor(code, Error, "Problem in a schema file", "{0}");

    private static Dictionary<string, DiagnosticDescriptor> SchemaDescriptors => _schema ??= MapLang.Schemas.Diagnostics.SchemaProblemCodes.All
        .ToDictionary(p => p.Code, p => new DiagnosticDescriptor(p.Code,
            p.Severity == MapLang.Schemas.Model.SchemaProblemSeverity.Error ? Error : Warning, p.Title, p.MessageTemplate));
}
