using System.Text.Json.Serialization;

namespace MapLang.Sandbox.Faults;

/// <summary>
/// One fault to inject. <see cref="System"/> is "m3", "magento", "bigcommerce", "nopcommerce", "amazon", "clarity" or "*".
/// <see cref="Operation"/> is the operation name the endpoint declares (for M3 "OIS100MI/AddBatchHead"; a trailing
/// "*" matches a prefix, e.g. "OIS100MI/*"); null or "*" matches every operation of the system.
/// The rule fires <see cref="Count"/> times (default once) or, when <see cref="Probability"/> is set, with that probability until cleared.
/// </summary>
public sealed record FaultRule
{
    public required string System { get; init; }
    public string? Operation { get; init; }
    [JsonConverter(typeof(FaultKindConverter))]
    public required FaultKind Kind { get; init; }
    public int? Count { get; init; }
    public double? Probability { get; init; }
    public int LatencyMs { get; init; }
    public int? RetryAfterSeconds { get; init; }
    public int? StatusCode { get; init; }
    public int AfterRecords { get; init; } = 1;

    internal bool Matches(string system, string operation)
    {
        if (System != "*" && !string.Equals(System, system, StringComparison.OrdinalIgnoreCase)) return false;
        if (Operation is null || Operation == "*") return true;
        return Operation.EndsWith('*')
            ? operation.StartsWith(Operation[..^1], StringComparison.OrdinalIgnoreCase)
            : string.Equals(Operation, operation, StringComparison.OrdinalIgnoreCase);
    }
}
