using MapLang.Schemas.Diagnostics;
using MapLang.Schemas.Model;
using MapLang.Schemas.Syntax;

namespace MapLang.Schemas.Loading;

/// <summary>
/// Merges parsed schema files into systems, layer by layer (stdlib first, then the project), and binds their types.
/// Within a layer, plain declarations come first and <c>extend</c> declarations after, so file order never matters.
/// A later layer's entity or enum with the same name replaces the earlier one; within one layer it is a duplicate.
/// </summary>
internal static class SchemaCatalogBuilder
{
    public static SystemSchema BuildSystem(string name, IReadOnlyList<IReadOnlyList<SchemaFileSyntax>> layers, List<SchemaProblem> problems)
    {
        var state = new SystemState(name);
        for (var layer = 0; layer < layers.Count; layer++)
        {
            var files = layers[layer];
            foreach (var file in files)
            {
                state.Description ??= file.System?.Description;
                state.Files.Add(file.FilePath);
            }
            foreach (var declaration in files.SelectMany(f => f.Declarations))
            {
                switch (declaration)
                {
                    case EntityDeclarationSyntax { IsExtension: false } e: state.AddEntity(e, layer, problems); break;
                    case EnumDeclarationSyntax { IsExtension: false } e: state.AddEnum(e, layer, problems); break;
                    case MisnomerDeclarationSyntax m: state.AddMisnomer(m, layer, problems); break;
                }
            }
            foreach (var declaration in files.SelectMany(f => f.Declarations))
            {
                switch (declaration)
                {
                    case EntityDeclarationSyntax { IsExtension: true } e: state.ExtendEntity(e, problems); break;
                    case EnumDeclarationSyntax { IsExtension: true } e: state.ExtendEnum(e, problems); break;
                }
            }
        }
        return state.Bind(problems);
    }

    private sealed class EntityState(EntityDeclarationSyntax declaration, int layer)
    {
        public EntityDeclarationSyntax Declaration { get; } = declaration;
        public int Layer { get; } = layer;
        public List<FieldSyntax> Fields { get; } = [];
        public List<FieldSyntax>? Output { get; set; }
    }

    private sealed class EnumState(EnumDeclarationSyntax declaration, int layer)
    {
        public EnumDeclarationSyntax Declaration { get; } = declaration;
        public int Layer { get; } = layer;
        public List<EnumMemberSyntax> Members { get; } = [];
    }

    private sealed class SystemState(string name)
    {
        private readonly Dictionary<string, EntityState> _entities = new(StringComparer.Ordinal);
        private readonly Dictionary<string, EnumState> _enums = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (MisnomerDeclarationSyntax Syntax, int Layer)> _misnomers = new(StringComparer.Ordinal);

        public string? Description { get; set; }
        public List<string> Files { get; } = [];

        public void AddEntity(EntityDeclarationSyntax e, int layer, List<SchemaProblem> problems)
        {
            if (e.Name.IsMissing) return;
            if (_entities.TryGetValue(e.Name.Text, out var existing) && existing.Layer == layer)
            {
                problems.Add(SchemaProblemCodes.DuplicateEntity.Create(e.Name.Location, e.Name.Text, name, Where(existing.Declaration.Name.Location)));
                return;
            }
            var entity = new EntityState(e, layer);
            MergeFields(entity.Fields, e.Fields, e.Name.Text, problems, redefine: false);
            if (e.Output is not null)
            {
                entity.Output = [];
                MergeFields(entity.Output, e.Output, e.Name.Text, problems, redefine: false);
            }
            _entities[e.Name.Text] = entity;
        }

        public void ExtendEntity(EntityDeclarationSyntax e, List<SchemaProblem> problems)
        {
            if (e.Name.IsMissing) return;
            if (!_entities.TryGetValue(e.Name.Text, out var entity))
            {
                problems.Add(SchemaProblemCodes.ExtendUnknown.Create(e.Name.Location, "entity", e.Name.Text, name));
                return;
            }
            MergeFields(entity.Fields, e.Fields, e.Name.Text, problems, redefine: true);
            if (e.Output is not null)
            {
                entity.Output ??= [];
                MergeFields(entity.Output, e.Output, e.Name.Text, problems, redefine: true);
            }
        }

        private static void MergeFields(List<FieldSyntax> into, IReadOnlyList<FieldSyntax> fields, string entity, List<SchemaProblem> problems, bool redefine)
        {
            var seen = new HashSet<string>(StringComparer.Ordinal);
            foreach (var field in fields)
            {
                if (field.Name.IsMissing) continue;
                if (!seen.Add(field.Name.Text))
                {
                    problems.Add(SchemaProblemCodes.DuplicateField.Create(field.Name.Location, field.Name.Text, entity));
                    continue;
                }
                var index = into.FindIndex(f => f.Name.Text == field.Name.Text);
                if (index < 0) into.Add(field);
                else if (redefine) into[index] = field;
                else problems.Add(SchemaProblemCodes.DuplicateField.Create(field.Name.Location, field.Name.Text, entity));
            }
        }

        public void AddEnum(EnumDeclarationSyntax e, int layer, List<SchemaProblem> problems)
        {
            if (e.Name.IsMissing) return;
            if (_enums.TryGetValue(e.Name.Text, out var existing) && existing.Layer == layer)
            {
                problems.Add(SchemaProblemCodes.DuplicateEnum.Create(e.Name.Location, e.Name.Text, name, Where(existing.Declaration.Name.Location)));
                return;
            }
            var state = new EnumState(e, layer);
            AddMembers(state, e.Members, problems);
            if (e.Members.Count == 0) problems.Add(SchemaProblemCodes.EmptyEnum.Create(e.Name.Location, e.Name.Text));
            _enums[e.Name.Text] = state;
        }

        public void ExtendEnum(EnumDeclarationSyntax e, List<SchemaProblem> problems)
        {
            if (e.Name.IsMissing) return;
            if (!_enums.TryGetValue(e.Name.Text, out var state))
            {
                problems.Add(SchemaProblemCodes.ExtendUnknown.Create(e.Name.Location, "enum", e.Name.Text, name));
                return;
            }
            AddMembers(state, e.Members, problems);
        }

        private static void AddMembers(EnumState state, IReadOnlyList<EnumMemberSyntax> members, List<SchemaProblem> problems)
        {
            var enumName = state.Declaration.Name.Text;
            foreach (var member in members)
            {
                if (state.Members.Any(m => m.Value == member.Value))
                {
                    problems.Add(SchemaProblemCodes.DuplicateEnumMember.Create(member.Location, enumName, member.IsNumber ? member.Value : $"\"{member.Value}\""));
                    continue;
                }
                if (state.Members.Count > 0 && state.Members[0].IsNumber != member.IsNumber)
                {
                    problems.Add(SchemaProblemCodes.MixedEnumMembers.Create(member.Location, enumName));
                    continue;
                }
                state.Members.Add(member);
            }
        }

        public void AddMisnomer(MisnomerDeclarationSyntax m, int layer, List<SchemaProblem> problems)
        {
            if (m.Name.IsMissing) return;
            if (_misnomers.TryGetValue(m.Name.Text, out var existing) && existing.Layer == layer)
            {
                problems.Add(SchemaProblemCodes.DuplicateMisnomer.Create(m.Name.Location, m.Name.Text, name));
                return;
            }
            _misnomers[m.Name.Text] = (m, layer);
        }

        public SystemSchema Bind(List<SchemaProblem> problems)
        {
            var enums = new Dictionary<string, EnumSchema>(StringComparer.Ordinal);
            foreach (var (enumName, state) in _enums)
            {
                var d = state.Declaration;
                if (_entities.ContainsKey(enumName))
                {
                    problems.Add(SchemaProblemCodes.EntityEnumNameClash.Create(d.Name.Location, enumName, name));
                }
                var isNumeric = state.Members.Count > 0 && state.Members[0].IsNumber;
                enums[enumName] = new EnumSchema(name, enumName, d.Description, isNumeric,
                    state.Members.Select(m => new EnumMember(m.Value, m.Label, null)).ToArray(), d.Name.Location);
            }

            var refs = new Dictionary<string, SchemaType>(StringComparer.Ordinal);
            foreach (var entityName in _entities.Keys) refs[entityName] = new RecordRefType(entityName);
            foreach (var enumName in _enums.Keys) refs.TryAdd(enumName, new EnumRefType(enumName));
            var resolver = new TypeResolver(name, n => refs.GetValueOrDefault(n), problems);

            var entities = new Dictionary<string, EntitySchema>(StringComparer.Ordinal);
            foreach (var (entityName, state) in _entities)
            {
                var d = state.Declaration;
                var writes = Transactions(d.Writes, entityName, problems);
                var reads = Transactions(d.Reads, entityName, problems);
                entities[entityName] = new EntitySchema(name, entityName, d.Description,
                    BindFields(state.Fields, entityName, resolver, problems),
                    state.Output is null ? null : BindFields(state.Output, entityName, resolver, problems),
                    writes, d.Name.Location) { ReadsThrough = reads };
            }

            var misnomers = new Dictionary<string, Misnomer>(StringComparer.Ordinal);
            foreach (var (misnomerName, (m, _)) in _misnomers)
            {
                if (_entities.ContainsKey(misnomerName))
                {
                    problems.Add(SchemaProblemCodes.MisnomerShadowsEntity.Create(m.Name.Location, misnomerName, name));
                    continue;
                }
                if (!m.Instead.IsMissing && !_entities.ContainsKey(m.Instead.Text)
                    && !_entities.Keys.Any(k => k.StartsWith(m.Instead.Text + ".", StringComparison.Ordinal)))
                {
                    problems.Add(SchemaProblemCodes.MisnomerUnknownTarget.Create(m.Instead.Location, misnomerName, m.Instead.Text, name));
                }
                misnomers[misnomerName] = new Misnomer(misnomerName, m.Instead.Text, m.Explanation, m.Name.Location);
            }

            return new SystemSchema(name, Description, entities, enums, misnomers, Files.Distinct().ToArray());
        }

        private List<string> Transactions(IReadOnlyList<NameSyntax> names, string entityName, List<SchemaProblem> problems)
        {
            var result = new List<string>(names.Count);
            foreach (var w in names)
            {
                if (w.IsMissing) continue;
                if (!_entities.ContainsKey(w.Text))
                    problems.Add(SchemaProblemCodes.UnknownWritesThrough.Create(w.Location, w.Text, entityName, name));
                result.Add(w.Text);
            }
            return result;
        }

        private static FieldSchema[] BindFields(List<FieldSyntax> fields, string entity, TypeResolver resolver, List<SchemaProblem> problems)
        {
            var result = new FieldSchema[fields.Count];
            var wireNames = new Dictionary<string, string>(StringComparer.Ordinal);
            for (var i = 0; i < fields.Count; i++)
            {
                var f = fields[i];
                var wire = f.JsonName ?? f.Name.Text;
                if (!wireNames.TryAdd(wire, f.Name.Text))
                    problems.Add(SchemaProblemCodes.DuplicateJsonName.Create(f.Name.Location, wire, wireNames[wire], entity));
                result[i] = new FieldSchema(f.Name.Text, resolver.Resolve(f.Type), f.Required, f.Nullable, f.Description, f.Name.Location,
                    f.JsonName is not null && f.JsonName != f.Name.Text ? f.JsonName : null);
            }
            return result;
        }

        private static string Where(SourceLocation l) => $"{l.FilePath}({l.Line},{l.Column})";
    }
}
