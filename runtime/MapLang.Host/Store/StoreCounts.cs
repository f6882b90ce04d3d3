namespace MapLang.Host.Store;

/// <summary>Runs per status and outbox messages waiting: what <c>maplang status</c> shows.</summary>
public sealed record StoreCounts(IReadOnlyDictionary<string, long> Runs, long OutboxPending, long OutboxDead);
