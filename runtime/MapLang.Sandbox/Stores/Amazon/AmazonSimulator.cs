using System.Collections.Concurrent;
using System.Globalization;
using System.Text.Json.Nodes;
using MapLang.Sandbox.Infrastructure;
using MapLang.Sandbox.RateLimits;
using MapLang.Sandbox.Stores.Amazon.Feeds;
using MapLang.Sandbox.Stores.Amazon.Listings;
using MapLang.Sandbox.Stores.Amazon.Notifications;
using MapLang.Sandbox.Stores.Amazon.Orders;

namespace MapLang.Sandbox.Stores.Amazon;

/// <summary>
/// One selling partner on SP-API, seeded from reference/amazon/examples (see <see cref="AmazonSeed"/>): the Orders v0 and 2026-01-01
/// example orders, a listing per example SKU, feeds, and an SQS-like queue receiving ORDER_CHANGE notifications.
/// </summary>
public sealed class AmazonSimulator
{
    public const string System = "amazon";
    private readonly SandboxClock _clock;
    private readonly ConcurrentDictionary<string, TokenBucket> _buckets = new(StringComparer.Ordinal);
    private int _orderCounter;

    public AmazonSimulator(AmazonOptions options, SandboxClock clock)
    {
        Options = options;
        _clock = clock;
        Queue = new NotificationQueue(options, () => _clock.UtcNow);
        AmazonSeed.Apply(this);
    }

    public AmazonOptions Options { get; }
    public NotificationQueue Queue { get; }
    internal object Gate { get; } = new();
    internal Dictionary<string, AmazonOrder> Orders { get; } = new(StringComparer.Ordinal);
    internal SortedDictionary<string, Listing> Listings { get; } = new(StringComparer.Ordinal);
    internal Dictionary<string, FeedDocument> FeedDocuments { get; } = new(StringComparer.Ordinal);
    internal SortedDictionary<long, Feed> Feeds { get; } = [];
    internal long NextFeedId { get; set; } = 50001;
    internal DateTimeOffset Now => _clock.UtcNow;
    internal Uri BaseUri { get; set; } = new("http://127.0.0.1/");

    /// <summary>Quantity changes received (listings patch/put or JSON_LISTINGS_FEED), for inspection.</summary>
    public ConcurrentQueue<QuantityUpdate> QuantityUpdates { get; } = new();

    public sealed record QuantityUpdate(string Sku, int Quantity, string Source, DateTimeOffset At);

    internal static string Iso(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    /// <summary>The bucket of an operation under the configured usage plan.</summary>
    internal (TokenBucket Bucket, UsagePlan Plan)? Bucket(string operation)
    {
        if (!Options.UsagePlans.TryGetValue(operation, out var plan)) return null;
        return (_buckets.GetOrAdd(operation, _ => new TokenBucket(plan.Rate, plan.Burst, () => _clock.UtcNow)), plan);
    }

    public object Counts()
    {
        lock (Gate)
            return new
            {
                orders = Orders.Count, listings = Listings.Count, feeds = Feeds.Count,
                shipmentConfirmations = Orders.Values.Sum(o => o.Shipments.Count), quantityUpdates = QuantityUpdates.Count,
                notificationsPublished = Queue.Published.Count, queueDepth = Queue.Depth,
            };
    }

    /// <summary>A new MFN order (Unshipped, purchased now) with one item per line, in both API versions; publishes ORDER_CHANGE. Returns the AmazonOrderId.</summary>
    public string AddOrder(IReadOnlyList<(string Sku, int Qty, decimal Price)> lines)
    {
        AmazonOrder order;
        lock (Gate)
        {
            var n = Interlocked.Increment(ref _orderCounter);
            // Derived from the counter, not random: a fresh sandbox gives the same orders the same ids (a rerun of the demo is recognised).
            var id = $"113-{n:0000000}-{1000000 + n * 7919 % 9000000:0000000}";
            order = AmazonSeed.NewOrder(this, id, lines);
            Orders[id] = order;
        }
        PublishOrderChange(order, "OrderStatusChange", "New order");
        return order.Id;
    }

    internal void PublishOrderChange(AmazonOrder order, string changeType, string reason)
    {
        JsonObject envelope;
        lock (Gate) envelope = OrderChangeNotification.Create(this, order, changeType, reason);
        Queue.Publish(envelope);
    }
}
