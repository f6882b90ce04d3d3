namespace MapLang.Schemas.Model;

/// <summary>
/// A name that integrators write because documentation or marketing uses it, but that does not
/// exist in the system (e.g. <c>OIS100MI.AddHead</c>). The compiler reports it and names what to use instead.
/// </summary>
/// <param name="Name">The wrong name after the system (e.g. <c>OIS100MI.AddHead</c>).</param>
/// <param name="Instead">The real entity or transaction (e.g. <c>OIS100MI.AddBatchHead</c>).</param>
/// <param name="Explanation">Why, in a sentence users can act on.</param>
public sealed record Misnomer(string Name, string Instead, string Explanation, SourceLocation? Location);
