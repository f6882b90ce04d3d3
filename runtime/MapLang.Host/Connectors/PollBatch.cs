using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors;

/// <summary>
/// What one poll found: the items (one run each, deduplicated by the flow's key), the cursor to poll from next, whether more is
/// waiting now, and what to do once the items are committed to the store (Amazon: delete the queue messages).
/// </summary>
public sealed record PollBatch(IReadOnlyList<JsonNode> Items, string Watermark, bool More = false, Func<CancellationToken, Task>? AfterCommitAsync = null);
