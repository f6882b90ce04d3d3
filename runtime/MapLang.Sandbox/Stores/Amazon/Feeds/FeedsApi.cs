using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace MapLang.Sandbox.Stores.Amazon.Feeds;

/// <summary>
/// Feeds 2021-06-30: createFeedDocument → an upload URL on the sandbox itself (<c>/amazon/_feed-documents/{id}</c>, no auth, like
/// S3's presigned URL), createFeed, getFeed (status on the sandbox clock), cancelFeed, getFeedDocument (the processing report's URL).
/// </summary>
internal static class FeedsApi
{
    public static IResult CreateDocument(AmazonSimulator amazon, JsonObject? body)
    {
        if (body?["contentType"]?.GetValue<string>() is not { Length: > 0 } contentType) return SpApiErrors.InvalidInput("Missing required 'contentType'.");
        var id = Guid.NewGuid().ToString();
        lock (amazon.Gate) amazon.FeedDocuments[id] = new FeedDocument { Id = id, ContentType = contentType };
        return Results.Json(new JsonObject { ["feedDocumentId"] = id, ["url"] = Url(amazon, id) }, statusCode: 201);
    }

    public static async Task<IResult> Upload(AmazonSimulator amazon, string id, HttpRequest request)
    {
        using var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer);
        lock (amazon.Gate)
        {
            if (!amazon.FeedDocuments.TryGetValue(id, out var document)) return Results.Text(S3NoSuchKey, "application/xml", statusCode: 404);
            document.Content = buffer.ToArray();
            return Results.Ok();
        }
    }

    public static IResult Download(AmazonSimulator amazon, string id)
    {
        lock (amazon.Gate)
            return amazon.FeedDocuments.TryGetValue(id, out var document) && document.Content is { } content
                ? Results.Bytes(content, document.ContentType)
                : Results.Text(S3NoSuchKey, "application/xml", statusCode: 404);
    }

    public static IResult Create(AmazonSimulator amazon, JsonObject? body)
    {
        var feedType = body?["feedType"]?.GetValue<string>();
        var marketplaces = body?["marketplaceIds"] as JsonArray;
        var documentId = body?["inputFeedDocumentId"]?.GetValue<string>();
        if (string.IsNullOrEmpty(feedType) || marketplaces is null || marketplaces.Count == 0 || string.IsNullOrEmpty(documentId))
            return SpApiErrors.InvalidInput("Request has missing or invalid parameters and cannot be parsed.", "feedType, marketplaceIds and inputFeedDocumentId are required");
        lock (amazon.Gate)
        {
            if (!amazon.FeedDocuments.TryGetValue(documentId, out var document) || document.Content is null)
                return SpApiErrors.InvalidInput($"The feed document {documentId} does not exist or has not been uploaded.");
            var feed = new Feed
            {
                Id = amazon.NextFeedId++, FeedType = feedType, MarketplaceIds = (JsonArray)marketplaces.DeepClone(), InputDocumentId = documentId, CreatedAt = amazon.Now,
            };
            amazon.Feeds[feed.Id] = feed;
            return Results.Json(new JsonObject { ["feedId"] = feed.Id.ToString(CultureInfo.InvariantCulture) }, statusCode: 202);
        }
    }

    public static IResult Get(AmazonSimulator amazon, string feedId)
    {
        ProcessDue(amazon);
        lock (amazon.Gate)
            return Find(amazon, feedId) is { } feed ? Results.Json(feed.Render(amazon.Now, amazon.Options)) : SpApiErrors.NotFound($"Feed {feedId} not found.");
    }

    public static IResult Cancel(AmazonSimulator amazon, string feedId)
    {
        ProcessDue(amazon);
        lock (amazon.Gate)
        {
            if (Find(amazon, feedId) is not { } feed) return SpApiErrors.NotFound($"Feed {feedId} not found.");
            if (feed.Status(amazon.Now, amazon.Options) != "IN_QUEUE") return SpApiErrors.InvalidInput($"Feed {feedId} is {feed.Status(amazon.Now, amazon.Options)}; only IN_QUEUE feeds can be cancelled.");
            feed.CancelledAt = amazon.Now;
            return Results.Ok();
        }
    }

    public static IResult GetDocument(AmazonSimulator amazon, string id)
    {
        lock (amazon.Gate)
            return amazon.FeedDocuments.ContainsKey(id)
                ? Results.Json(new JsonObject { ["feedDocumentId"] = id, ["url"] = Url(amazon, id) })
                : SpApiErrors.NotFound($"Feed document {id} not found.");
    }

    /// <summary>Processes every feed whose processing time is over (called on each Amazon request, so time alone moves feeds).</summary>
    public static void ProcessDue(AmazonSimulator amazon)
    {
        lock (amazon.Gate)
        {
            var now = amazon.Now;
            foreach (var feed in amazon.Feeds.Values.Where(f => f.IsDue(now, amazon.Options)))
            {
                var content = amazon.FeedDocuments[feed.InputDocumentId].Content!;
                var report = feed.FeedType == "JSON_LISTINGS_FEED" ? ListingsFeedProcessor.Process(amazon, feed, content) : null;
                report ??= new JsonObject
                {
                    ["header"] = new JsonObject { ["sellerId"] = amazon.Options.SellerId, ["version"] = "2.0", ["feedId"] = feed.Id.ToString(CultureInfo.InvariantCulture) },
                    ["issues"] = new JsonArray(new JsonObject
                    {
                        ["messageId"] = 0, ["code"] = "90000900", ["severity"] = "ERROR",
                        ["message"] = feed.FeedType == "JSON_LISTINGS_FEED" ? "The feed document is not a JSON listings feed." : $"Feed type {feed.FeedType} is not simulated by the MapLang sandbox.",
                    }),
                    ["summary"] = new JsonObject { ["errors"] = 1, ["warnings"] = 0, ["messagesProcessed"] = 0, ["messagesAccepted"] = 0, ["messagesInvalid"] = 0 },
                };
                feed.FinalStatus = report["summary"]!["messagesProcessed"]!.GetValue<int>() == 0 && report["issues"]!.AsArray().Count > 0 ? "FATAL" : "DONE";
                feed.ProcessedAt = feed.CreatedAt + amazon.Options.FeedQueueTime + amazon.Options.FeedProcessingTime;
                var resultId = Guid.NewGuid().ToString();
                amazon.FeedDocuments[resultId] = new FeedDocument { Id = resultId, ContentType = "application/json", Content = Encoding.UTF8.GetBytes(report.ToJsonString()) };
                feed.ResultDocumentId = resultId;
            }
        }
    }

    private static Feed? Find(AmazonSimulator amazon, string feedId) =>
        long.TryParse(feedId, NumberStyles.Integer, CultureInfo.InvariantCulture, out var id) ? amazon.Feeds.GetValueOrDefault(id) : null;

    private static string Url(AmazonSimulator amazon, string id) => new Uri(amazon.BaseUri, "amazon/_feed-documents/" + id).ToString();

    private const string S3NoSuchKey = "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message></Error>";
}
