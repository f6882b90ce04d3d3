namespace MapLang.Schemas.Import;

/// <param name="Provenance">Where the metadata came from, e.g. <c>GaryWayneSmith/M3H5 @ 62f027a9ceaa</c>, when known.</param>
public sealed record M3ProgramMetadata(string Program, string? Description, IReadOnlyList<M3TransactionMetadata> Transactions, string? Provenance);
