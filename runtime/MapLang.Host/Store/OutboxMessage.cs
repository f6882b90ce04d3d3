namespace MapLang.Host.Store;

/// <summary>A reply to a store waiting to be sent (e.g. a Magento order comment), written by a run, sent by the outbox worker.</summary>
public sealed record OutboxMessage(long Id, long RunId, string Connector, string Operation, string TargetId, string Body, int Attempts, string? Error);
