using System.Collections.Concurrent;
using System.Text;
using System.Text.Json.Nodes;

namespace MapLang.Sandbox.Stores.Amazon.Notifications;

/// <summary>
/// A small SQS-like standard queue the notifications land in: receive hides a message for its visibility timeout (sandbox clock) and
/// gives it a fresh receipt handle; delete by receipt handle; a message not deleted in time is received again (at-least-once, as SQS).
/// When <see cref="AmazonOptions.NotificationDestinationUrl"/> is set each notification is also POSTed there once.
/// </summary>
public sealed class NotificationQueue(AmazonOptions options, Func<DateTimeOffset> now)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(10) };
    private readonly object _gate = new();
    private readonly List<Message> _messages = [];

    /// <summary>Every notification ever published (bodies as JSON text), for tests and inspection.</summary>
    public ConcurrentQueue<string> Published { get; } = new();

    /// <summary>HTTP status of each POST to the destination URL (0 = no connection).</summary>
    public ConcurrentQueue<int> DestinationAttempts { get; } = new();

    public int Depth { get { lock (_gate) return _messages.Count; } }

    public sealed record Received(string MessageId, string ReceiptHandle, string Body, int ReceiveCount);

    internal void Publish(JsonObject notification)
    {
        var body = notification.ToJsonString();
        Published.Enqueue(body);
        lock (_gate) _messages.Add(new Message(Guid.NewGuid().ToString(), body) { VisibleAt = DateTimeOffset.MinValue });
        if (options.NotificationDestinationUrl is { } url) _ = PostAsync(url, body);
    }

    public IReadOnlyList<Received> Receive(int max, TimeSpan? visibility)
    {
        var t = now();
        lock (_gate)
        {
            var batch = _messages.Where(m => m.VisibleAt <= t).Take(Math.Clamp(max, 1, 10)).ToList();
            foreach (var m in batch)
            {
                m.VisibleAt = t + (visibility ?? options.QueueVisibilityTimeout);
                m.ReceiptHandle = Guid.NewGuid().ToString("N") + "-" + m.ReceiveCount;
                m.ReceiveCount++;
            }
            return batch.Select(m => new Received(m.MessageId, m.ReceiptHandle!, m.Body, m.ReceiveCount)).ToList();
        }
    }

    /// <summary>Deletes by the latest receipt handle; false when unknown (already deleted, or received again since).</summary>
    public bool Delete(string receiptHandle)
    {
        lock (_gate) return _messages.RemoveAll(m => m.ReceiptHandle == receiptHandle) > 0;
    }

    public void Purge()
    {
        lock (_gate) _messages.Clear();
    }

    private async Task PostAsync(string url, string body)
    {
        try
        {
            using var response = await Http.PostAsync(url, new StringContent(body, Encoding.UTF8, "application/json"));
            DestinationAttempts.Enqueue((int)response.StatusCode);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
        {
            DestinationAttempts.Enqueue(0);
        }
    }

    private sealed class Message(string messageId, string body)
    {
        public string MessageId { get; } = messageId;
        public string Body { get; } = body;
        public DateTimeOffset VisibleAt { get; set; }
        public string? ReceiptHandle { get; set; }
        public int ReceiveCount { get; set; }
    }
}
