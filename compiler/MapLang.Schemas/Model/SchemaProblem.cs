namespace MapLang.Schemas.Model;

public enum SchemaProblemSeverity { Error, Warning }

/// <summary>
/// A mistake in a schema file or an imported spec. <see cref="Code"/> is an ML35xx diagnostic code;
/// the compiler reports problems as diagnostics with the same code, span and message.
/// </summary>
public sealed record SchemaProblem(string Code, SchemaProblemSeverity Severity, string Message, SourceLocation? Location);
