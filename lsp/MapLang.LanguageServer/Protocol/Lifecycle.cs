namespace MapLang.LanguageServer.Protocol;

public sealed record ClientInfo(string Name, string? Version);

public sealed record InitializeParams(int? ProcessId, string? RootUri, ClientInfo? ClientInfo);

public sealed record ServerInfo(string Name, string Version);

/// <summary><see cref="Capabilities"/> is assembled from what each handler declares.</summary>
public sealed record InitializeResult(Dictionary<string, object> Capabilities, ServerInfo ServerInfo);

public sealed record LogMessageParams(int Type, string Message);
