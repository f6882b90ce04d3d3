using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Stores.Amazon.Feeds;

/// <summary>A submitted feed; its processing status follows the sandbox clock (IN_QUEUE → IN_PROGRESS → DONE/FATAL) unless cancelled.</summary>
internal sealed class Feed
{
    public required long Id { get; init; }
    public required string FeedType { get; init; }
    public required JsonArray MarketplaceIds { get; init; }
    public required string InputDocumentId { get; init; }
    public required DateTimeOffset CreatedAt { get; init; }
    public DateTimeOffset? CancelledAt { get; set; }
    /// <summary>Set once the feed has been processed (DONE or FATAL).</summary>
    public string? FinalStatus { get; set; }
    public DateTimeOffset? ProcessedAt { get; set; }
    public string? ResultDocumentId { get; set; }

    public string Status(DateTimeOffset now, AmazonOptions options) =>
        CancelledAt is not null ? "CANCELLED"
        : FinalStatus is not null ? FinalStatus
        : now < CreatedAt + options.FeedQueueTime ? "IN_QUEUE"
        : "IN_PROGRESS";

    public bool IsDue(DateTimeOffset now, AmazonOptions options) =>
        CancelledAt is null && FinalStatus is null && now >= CreatedAt + options.FeedQueueTime + options.FeedProcessingTime;

    public JsonObject Render(DateTimeOffset now, AmazonOptions options)
    {
        var status = Status(now, options);
        var reply = new JsonObject
        {
            ["feedId"] = Id.ToString(global::System.Globalization.CultureInfo.InvariantCulture), ["feedType"] = FeedType,
            ["marketplaceIds"] = MarketplaceIds.DeepClone(), ["createdTime"] = Iso(CreatedAt), ["processingStatus"] = status,
        };
        if (status is "IN_PROGRESS" or "DONE" or "FATAL") reply["processingStartTime"] = Iso(CreatedAt + options.FeedQueueTime);
        if (status == "CANCELLED") reply["processingEndTime"] = Iso(CancelledAt!.Value);
        if (ProcessedAt is { } end) reply["processingEndTime"] = Iso(end);
        if (ResultDocumentId is not null) reply["resultFeedDocumentId"] = ResultDocumentId;
        return reply;
    }

    private static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", global::System.Globalization.CultureInfo.InvariantCulture);
}
