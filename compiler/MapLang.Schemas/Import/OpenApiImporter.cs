using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using MapLang.Schemas.Diagnostics;
using MapLang.Schemas.Model;
using MapLang.Schemas.Writing;

namespace MapLang.Schemas.Import;

/// <summary>
/// <c>maplang schema import openapi &lt;spec&gt; --system &lt;Name&gt;</c>: turns the schemas of a Swagger 2.0 or OpenAPI 3.x document
/// (JSON or YAML) into entities and enums. Handles <c>$ref</c> (inside the document), <c>allOf</c> (merged), <c>oneOf</c>/<c>anyOf</c>
/// (merged when all alternatives are objects, the single type when they are one type or null), enums (named after the schema or
/// the owning field), <c>nullable</c>/<c>x-nullable</c>/<c>type: [T, "null"]</c>, arrays and nested objects (entities named after
/// their parent and field). What it cannot read becomes a problem naming the construct and its JSON pointer.
/// </summary>
public sealed class OpenApiImporter
{
    private readonly JsonObject _root;
    private readonly string _path;
    private readonly OpenApiImportOptions _options;
    private readonly List<SchemaProblem> _problems;
    private readonly string _schemasPointer;
    private readonly JsonObject _schemas;
    private readonly Dictionary<string, string> _entityNameBySchema = new(StringComparer.Ordinal);
    private readonly HashSet<string> _usedNames = new(StringComparer.Ordinal);
    private readonly List<EntitySchema> _entities = [];
    private readonly List<EnumSchema> _enums = [];
    private readonly Queue<(string SchemaName, string EntityName)> _pending = new();

    private OpenApiImporter(JsonObject root, string path, OpenApiImportOptions options, List<SchemaProblem> problems)
    {
        _root = root;
        _path = path;
        _options = options;
        _problems = problems;
        foreach (var reserved in options.ReservedNames ?? new HashSet<string>()) _usedNames.Add(reserved);
        if (root["swagger"] is not null || (root["openapi"] is null && root["definitions"] is JsonObject))
        {
            _schemasPointer = "#/definitions/";
            _schemas = root["definitions"] as JsonObject ?? [];
        }
        else
        {
            _schemasPointer = "#/components/schemas/";
            _schemas = root["components"]?["schemas"] as JsonObject ?? [];
        }
    }

    /// <summary>Imports a spec and writes the schema file text.</summary>
    public static SchemaImportResult Import(string specText, string sourcePath, OpenApiImportOptions options)
    {
        var model = Read(specText, sourcePath, options);
        if (model.Entities.Count == 0 && model.Enums.Count == 0) return new SchemaImportResult("", model.Problems, 0);
        var header = new List<string>
        {
            $"Imported by 'maplang schema import openapi' from {Path.GetFileName(sourcePath)}" +
            (model.Title is null ? "" : $" ({model.Title}{(string.IsNullOrEmpty(model.Version) ? "" : " " + model.Version)})") + ".",
        };
        var text = SchemaWriter.Write(header, options.SystemName, options.SystemDescription ?? model.Title, model.Enums, model.Entities);
        return new SchemaImportResult(text, model.Problems, model.Entities.Count);
    }

    /// <summary>Reads a spec into entities and enums without writing them.</summary>
    public static OpenApiImportModel Read(string specText, string sourcePath, OpenApiImportOptions options)
    {
        var problems = new List<SchemaProblem>();
        var at = new SourceLocation(sourcePath, 0, 0, 1, 1);
        var node = SpecDocumentReader.Read(specText, out var error);
        if (error is not null)
        {
            problems.Add(SchemaProblemCodes.ImportUnreadable.Create(at, error));
            return new OpenApiImportModel(null, null, [], [], problems);
        }
        if (node is not JsonObject root || (root["swagger"] is null && root["openapi"] is null && !IsJsonSchemaDocument(root)))
        {
            problems.Add(SchemaProblemCodes.ImportNotASpec.Create(at, "The document is not Swagger 2.0, OpenAPI 3.x or a JSON Schema of an object: there is no \"swagger\", \"openapi\" or \"$schema\" member at /."));
            return new OpenApiImportModel(null, null, [], [], problems);
        }
        var importer = new OpenApiImporter(root, sourcePath, options, problems);
        importer.Run();
        return new OpenApiImportModel(Str(root["info"]?["title"]), Str(root["info"]?["version"]), importer._enums, importer._entities, problems);
    }

    private SourceLocation At => new(_path, 0, 0, 1, 1);

    private static bool IsJsonSchemaDocument(JsonObject root) => root["$schema"] is not null && root["properties"] is JsonObject;

    private string SchemasPointerPath => _schemasPointer[1..];

    private void Run()
    {
        if (_root["swagger"] is null && _root["openapi"] is null)
        {
            var rootName = Unique(_options.RootEntityName ?? PascalCase(Str(_root["title"]) ?? "Root"));
            BuildEntity(rootName, _root, "");
            DrainPending();
            return;
        }
        var roots = _options.Entities ?? _schemas.Select(p => p.Key).ToArray();
        foreach (var name in roots)
        {
            if (!_schemas.ContainsKey(name))
            {
                _problems.Add(SchemaProblemCodes.ImportEntityNotFound.Create(At, name));
                continue;
            }
            var schema = Resolve(_schemas[name], SchemasPointerPath + Escape(name), out _);
            if (schema is null) continue;
            if (IsEnum(schema)) EnumFor(name, schema, SchemasPointerPath + Escape(name));
            else if (IsObject(schema, SchemasPointerPath + Escape(name))) EntityFor(name);
            else if (_options.Entities is not null)
                _problems.Add(SchemaProblemCodes.ImportUnsupported.Create(At, $"Schema '{name}' is a {Str(schema["type"]) ?? "value"}, not an object", SchemasPointerPath + Escape(name)));
        }
        DrainPending();
    }

    private void DrainPending()
    {
        while (_pending.Count > 0)
        {
            var (schemaName, entityName) = _pending.Dequeue();
            var pointer = SchemasPointerPath + Escape(schemaName);
            var schema = Resolve(_schemas[schemaName], pointer, out _)!;
            BuildEntity(entityName, schema, pointer);
        }
    }

    /// <summary>The entity name of a named schema, queueing it for building the first time.</summary>
    private string EntityFor(string schemaName)
    {
        if (_entityNameBySchema.TryGetValue(schemaName, out var name)) return name;
        name = Unique(_options.EntityNames?.GetValueOrDefault(schemaName) ?? PascalCase(schemaName));
        _entityNameBySchema[schemaName] = name;
        _pending.Enqueue((schemaName, name));
        return name;
    }

    private string EnumFor(string schemaName, JsonObject schema, string pointer)
    {
        if (_entityNameBySchema.TryGetValue(schemaName, out var name)) return name;
        name = Unique(_options.EntityNames?.GetValueOrDefault(schemaName) ?? PascalCase(schemaName));
        _entityNameBySchema[schemaName] = name;
        AddEnum(name, schema, pointer);
        return name;
    }

    private void BuildEntity(string entityName, JsonObject schema, string pointer)
    {
        var properties = new List<(string Name, JsonObject Schema, string Pointer)>();
        var required = new HashSet<string>(StringComparer.Ordinal);
        CollectProperties(schema, pointer, properties, required, 0);
        var fields = new List<FieldSchema>();
        var identifiers = new HashSet<string>(StringComparer.Ordinal);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (wire, propSchema, propPointer) in properties)
        {
            if (!seen.Add(wire)) continue;
            var identifier = SchemaWriter.ToIdentifier(wire);
            if (!identifiers.Add(identifier))
            {
                var renamed = identifier;
                for (var i = 2; !identifiers.Add(renamed = $"{identifier}_{i}"); i++) { }
                _problems.Add(SchemaProblemCodes.ImportRenamed.Create(At, wire, propPointer, renamed));
                identifier = renamed;
            }
            var type = TypeOf(propSchema, propPointer, entityName, identifier, out var nullable);
            var isRequired = required.Contains(wire);
            fields.Add(new FieldSchema(identifier, type, isRequired, nullable || !isRequired, Describe(propSchema), null, identifier == wire ? null : wire));
        }
        _entities.Add(new EntitySchema(_options.SystemName, entityName, Describe(schema), fields, null, [], null));
    }

    private void CollectProperties(JsonObject schema, string pointer, List<(string, JsonObject, string)> into, HashSet<string> required, int depth)
    {
        if (depth > 32) return;
        if (schema["required"] is JsonArray req)
        {
            foreach (var r in req) if (Str(r) is { } s) required.Add(s);
        }
        if (schema["properties"] is JsonObject props)
        {
            foreach (var (name, value) in props)
            {
                var propPointer = $"{pointer}/properties/{Escape(name)}";
                if (value is JsonObject o) into.Add((name, o, propPointer));
                else _problems.Add(SchemaProblemCodes.ImportUnsupported.Create(At, $"Property '{name}' whose schema is not an object", propPointer));
            }
        }
        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema[keyword] is not JsonArray parts) continue;
            var i = 0;
            foreach (var part in parts)
            {
                var partPointer = $"{pointer}/{keyword}/{i++}";
                var resolved = Resolve(part, partPointer, out _);
                if (resolved is null) continue;
                // Properties that only some alternatives have are optional in the merged entity.
                CollectProperties(resolved, partPointer, into, keyword == "allOf" ? required : [], depth + 1);
            }
        }
    }

    private SchemaType TypeOf(JsonObject schema, string pointer, string owner, string field, out bool nullable)
    {
        nullable = schema["nullable"]?.GetValueKind() == JsonValueKind.True || schema["x-nullable"]?.GetValueKind() == JsonValueKind.True;
        if (Str(schema["$ref"]) is { } reference)
        {
            var target = NamedSchema(reference, pointer);
            if (target is null) return AnyType.Instance;
            var (name, resolved) = target.Value;
            var targetPointer = SchemasPointerPath + Escape(name);
            if (IsEnum(resolved)) return new EnumRefType(EnumFor(name, resolved, targetPointer));
            if (IsObject(resolved, targetPointer)) return new RecordRefType(EntityFor(name));
            var inner = TypeOf(resolved, targetPointer, owner, field, out var innerNullable);
            nullable |= innerNullable;
            return inner;
        }
        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema[keyword] is not JsonArray parts) continue;
            var alternatives = parts.Select((p, i) => (Schema: p as JsonObject, Pointer: $"{pointer}/{keyword}/{i}")).ToArray();
            var nonNull = alternatives.Where(a => a.Schema is not null && Str(a.Schema["type"]) != "null").ToArray();
            if (nonNull.Length < alternatives.Length) nullable = true;
            if (nonNull.Length == 1 && !HasOwnShape(schema))
            {
                var single = TypeOf(nonNull[0].Schema!, nonNull[0].Pointer, owner, field, out var n);
                nullable |= n;
                return single;
            }
            if (nonNull.All(a => Resolve(a.Schema, a.Pointer, out _) is { } r && IsObject(r, a.Pointer)))
                return InlineEntity(schema, pointer, owner, field);
            var types = nonNull.Select(a => TypeOf(a.Schema!, a.Pointer, owner, field, out _)).Distinct().ToArray();
            if (types.Length == 1) return types[0];
            if (types.All(t => t is IntType or DecimalType)) return new DecimalType();
            // "A number or a numeric string" (BigCommerce money): text reads both without loss.
            if (types.All(t => t is IntType or DecimalType or StringType)) return new StringType();
            _problems.Add(SchemaProblemCodes.ImportUnsupported.Create(At, $"'{keyword}' with alternatives of different types ({string.Join(", ", types.Select(t => t.Display))})", pointer));
            return AnyType.Instance;
        }
        var type = schema["type"];
        string? typeName;
        if (type is JsonArray typeList)
        {
            var names = typeList.Select(Str).Where(n => n is not null).ToArray();
            if (names.Contains("null")) nullable = true;
            var rest = names.Where(n => n != "null").ToArray();
            typeName = rest.Length == 1 ? rest[0] : null;
            if (rest.Length > 1)
            {
                _problems.Add(SchemaProblemCodes.ImportUnsupported.Create(At, $"A type list [{string.Join(", ", rest)}]", pointer));
                return AnyType.Instance;
            }
        }
        else
        {
            typeName = Str(type);
        }
        if (schema["enum"] is JsonArray && typeName is "string" or "integer" or null)
        {
            var fieldName = PascalCase(field);
            return new EnumRefType(AddEnum(Unique(fieldName.StartsWith(owner, StringComparison.Ordinal) ? fieldName : owner + fieldName), schema, pointer));
        }
        switch (typeName)
        {
            case "string":
                return Str(schema["format"]) switch
                {
                    "date" => new DateType(),
                    "date-time" => new DateTimeType(),
                    _ => new StringType(schema["maxLength"] is JsonValue v && v.TryGetValue<long>(out var max) && max is > 0 and <= int.MaxValue ? (int)max : null),
                };
            case "integer":
                return new IntType();
            case "number":
                return new DecimalType();
            case "boolean":
                return BoolType.Instance;
            case "array":
                if (schema["items"] is not JsonObject items)
                {
                    if (schema["items"] is not null)
                        _problems.Add(SchemaProblemCodes.ImportUnsupported.Create(At, "An array whose 'items' is not a schema object", pointer + "/items"));
                    return new ListType(AnyType.Instance);
                }
                return new ListType(TypeOf(items, pointer + "/items", owner, Singular(field), out _));
            case "object":
            case null when schema["properties"] is not null:
                return schema["properties"] is JsonObject { Count: > 0 } ? InlineEntity(schema, pointer, owner, field) : AnyType.Instance;
            case null:
                return AnyType.Instance;
            case "file":
                return new StringType();
            default:
                _problems.Add(SchemaProblemCodes.ImportUnsupported.Create(At, $"Type '{typeName}'", pointer));
                return AnyType.Instance;
        }
    }

    private static bool HasOwnShape(JsonObject schema) => schema["properties"] is not null || schema["type"] is not null;

    private RecordRefType InlineEntity(JsonObject schema, string pointer, string owner, string field)
    {
        var name = Unique(owner + PascalCase(field));
        _usedNames.Add(name);
        BuildEntity(name, schema, pointer);
        return new RecordRefType(name);
    }

    private string AddEnum(string name, JsonObject schema, string pointer)
    {
        var values = schema["enum"] as JsonArray ?? [];
        var numeric = values.Count > 0 && values.All(v => v is JsonValue jv && jv.GetValueKind() == JsonValueKind.Number);
        var members = new List<EnumMember>();
        var labels = schema["x-enum-varnames"] as JsonArray ?? schema["x-enumNames"] as JsonArray;
        var i = 0;
        foreach (var v in values)
        {
            var index = i++;
            if (v is null) continue; // a null member means "nullable"; the field says so already.
            var text = v is JsonValue jv && jv.GetValueKind() == JsonValueKind.String ? jv.GetValue<string>() : v.ToJsonString();
            if (members.Any(m => m.Value == text)) continue;
            members.Add(new EnumMember(text, labels is not null && index < labels.Count ? Str(labels[index]) : null, null));
        }
        if (members.Count == 0)
        {
            _problems.Add(SchemaProblemCodes.ImportUnsupported.Create(At, "An enum without values", pointer + "/enum"));
            members.Add(new EnumMember(numeric ? "0" : "", null, null));
        }
        _enums.Add(new EnumSchema(_options.SystemName, name, Describe(schema), numeric, members, null));
        return name;
    }

    private string Unique(string name)
    {
        var candidate = name;
        for (var i = 2; !_usedNames.Add(candidate); i++) candidate = name + i.ToString(CultureInfo.InvariantCulture);
        return candidate;
    }

    private (string Name, JsonObject Schema)? NamedSchema(string reference, string pointer)
    {
        if (!reference.StartsWith(_schemasPointer, StringComparison.Ordinal))
        {
            _problems.Add(reference.StartsWith('#')
                ? SchemaProblemCodes.ImportBrokenRef.Create(At, reference, pointer + "/$ref")
                : SchemaProblemCodes.ImportUnsupported.Create(At, $"A $ref to another document ('{reference}')", pointer + "/$ref"));
            return null;
        }
        var name = Unescape(reference[_schemasPointer.Length..]);
        var resolved = Resolve(_schemas[name], SchemasPointerPath + Escape(name), out _);
        if (resolved is null)
        {
            if (!_schemas.ContainsKey(name)) _problems.Add(SchemaProblemCodes.ImportBrokenRef.Create(At, reference, pointer + "/$ref"));
            return null;
        }
        return (name, resolved);
    }

    /// <summary>Follows a chain of pure <c>$ref</c> schemas to a schema object (reporting broken or circular chains).</summary>
    private JsonObject? Resolve(JsonNode? node, string pointer, out string? name)
    {
        name = null;
        for (var hops = 0; hops < 16; hops++)
        {
            if (node is not JsonObject o)
            {
                if (node is not null) _problems.Add(SchemaProblemCodes.ImportUnsupported.Create(At, "A schema that is not an object", pointer));
                return null;
            }
            if (Str(o["$ref"]) is not { } reference || o.Count > 3) return o;
            if (!reference.StartsWith(_schemasPointer, StringComparison.Ordinal))
            {
                _problems.Add(reference.StartsWith('#')
                    ? SchemaProblemCodes.ImportBrokenRef.Create(At, reference, pointer + "/$ref")
                    : SchemaProblemCodes.ImportUnsupported.Create(At, $"A $ref to another document ('{reference}')", pointer + "/$ref"));
                return null;
            }
            name = Unescape(reference[_schemasPointer.Length..]);
            if (!_schemas.ContainsKey(name))
            {
                _problems.Add(SchemaProblemCodes.ImportBrokenRef.Create(At, reference, pointer + "/$ref"));
                return null;
            }
            pointer = SchemasPointerPath + Escape(name);
            node = _schemas[name];
        }
        _problems.Add(SchemaProblemCodes.ImportUnsupported.Create(At, "A circular chain of $ref", pointer));
        return null;
    }

    private bool IsObject(JsonObject schema, string pointer)
    {
        if (Str(schema["type"]) is "object" && schema["properties"] is JsonObject) return true;
        if (schema["properties"] is JsonObject && schema["type"] is null) return true;
        foreach (var keyword in new[] { "allOf", "oneOf", "anyOf" })
        {
            if (schema[keyword] is JsonArray parts && parts.Count > 0
                && parts.Select((p, i) => Resolve(p, $"{pointer}/{keyword}/{i}", out _)).Any(r => r is not null && (r["properties"] is not null || r["allOf"] is not null)))
                return true;
        }
        return false;
    }

    private static bool IsEnum(JsonObject schema) => schema["enum"] is JsonArray && schema["properties"] is null;

    private static string? Describe(JsonObject schema)
    {
        var text = Str(schema["description"]) ?? Str(schema["title"]);
        if (string.IsNullOrWhiteSpace(text)) return null;
        // Keep the first paragraph on one line: descriptions are for hover, not documentation pages.
        var paragraph = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split("\n\n")[0];
        var oneLine = string.Join(' ', paragraph.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
        return oneLine.Length > 300 ? oneLine[..297].TrimEnd() + "..." : oneLine;
    }

    private static string? Str(JsonNode? node) =>
        node is JsonValue v && v.GetValueKind() == JsonValueKind.String ? v.GetValue<string>() : null;

    private static string Escape(string name) => name.Replace("~", "~0", StringComparison.Ordinal).Replace("/", "~1", StringComparison.Ordinal);

    private static string Unescape(string name) => Uri.UnescapeDataString(name).Replace("~1", "/", StringComparison.Ordinal).Replace("~0", "~", StringComparison.Ordinal);

    private static string Singular(string field) =>
        field.EndsWith("ies", StringComparison.Ordinal) ? field[..^3] + "y"
        : field.EndsWith("ses", StringComparison.Ordinal) ? field[..^2]
        : field.EndsWith('s') && field.Length > 1 ? field[..^1]
        : field;

    /// <summary><c>sales-data-order-interface</c> → <c>SalesDataOrderInterface</c>; <c>order_items</c> → <c>OrderItems</c>.</summary>
    public static string PascalCase(string name)
    {
        var sb = new StringBuilder();
        var upper = true;
        foreach (var c in name)
        {
            if (!char.IsAsciiLetterOrDigit(c)) { upper = true; continue; }
            sb.Append(upper ? char.ToUpperInvariant(c) : c);
            upper = false;
        }
        if (sb.Length == 0 || char.IsAsciiDigit(sb[0])) sb.Insert(0, 'T');
        return sb.ToString();
    }
}
