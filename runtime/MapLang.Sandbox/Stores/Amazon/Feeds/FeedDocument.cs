namespace MapLang.Sandbox.Stores.Amazon.Feeds;

/// <summary>An input document (uploaded by the caller to <see cref="AmazonSimulator"/>'s upload URL) or a processing report.</summary>
internal sealed class FeedDocument
{
    public required string Id { get; init; }
    public required string ContentType { get; init; }
    public byte[]? Content { get; set; }
}
