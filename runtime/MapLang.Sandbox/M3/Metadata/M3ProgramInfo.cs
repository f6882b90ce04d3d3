namespace MapLang.Sandbox.M3.Metadata;

public sealed record M3ProgramInfo(string Name, string Description, IReadOnlyDictionary<string, M3TransactionInfo> Transactions);
