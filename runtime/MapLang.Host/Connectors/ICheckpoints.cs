namespace MapLang.Host.Connectors;

/// <summary>The durable progress of one run: values are committed to the store before <see cref="SetAsync"/> returns.</summary>
public interface ICheckpoints
{
    string? Get(string key);
    Task SetAsync(string key, string value, CancellationToken cancellationToken);
}
