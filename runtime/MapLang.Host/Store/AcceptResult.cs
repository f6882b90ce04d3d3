namespace MapLang.Host.Store;

/// <summary>What intake made of a message: a new run, or the run that already holds the same key.</summary>
public readonly record struct AcceptResult(long RunId, bool Duplicate);
