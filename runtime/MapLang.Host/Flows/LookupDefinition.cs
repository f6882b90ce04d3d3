namespace MapLang.Host.Flows;

/// <summary>
/// How the host answers <c>lookup(key)</c> for one target field. <see cref="Operation"/> names a resolver of the connector:
/// <c>m3</c>/<c>customerByEmail</c> finds the customer by e-mail (CRS610MI.SearchCustomer, then the deterministic number with
/// GetBasicData) and creates it with CRS610MI.Add when absent — never twice. <see cref="Defaults"/> are fields of the new record
/// (CUTM template, CUNM…); <see cref="Mapper"/> (optional) maps the run's payload to the new record (M3.CRS610).
/// Resolved values are checkpointed with the run, so a retried run sees the same answer.
/// </summary>
public sealed record LookupDefinition(
    string Field,
    string Connector,
    string Operation,
    IReadOnlyDictionary<string, string>? Defaults = null,
    string? Mapper = null,
    string? Input = null);
