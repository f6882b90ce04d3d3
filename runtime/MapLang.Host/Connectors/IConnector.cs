using System.Text.Json.Nodes;

namespace MapLang.Host.Connectors;

/// <summary>
/// A connection to one system. Operations are named (<c>order.get</c>, <c>M3.OIS100</c>…); <see cref="CallAsync"/> gets the
/// run's checkpoints so multi-call writes (the M3 order) can record each step before it is sent.
/// </summary>
public interface IConnector
{
    string Name { get; }

    /// <summary>A safe read (retried freely), e.g. a store's order by id.</summary>
    Task<JsonNode?> FetchAsync(string operation, string id, CancellationToken cancellationToken);

    /// <summary>A write of a mapped record. Throws <see cref="TransientCallException"/>, <see cref="PermanentCallException"/> or <see cref="AmbiguousOutcomeException"/>.</summary>
    Task<JsonNode?> CallAsync(string operation, JsonNode record, ICheckpoints checkpoints, CancellationToken cancellationToken);

    /// <summary>A reply to the store (from the outbox): a comment, a status.</summary>
    Task ReplyAsync(string operation, string id, JsonObject fields, CancellationToken cancellationToken);
}
