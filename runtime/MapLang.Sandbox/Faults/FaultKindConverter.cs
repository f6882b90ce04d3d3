using System.Text.Json;
using System.Text.Json.Serialization;

namespace MapLang.Sandbox.Faults;

/// <summary>Accepts the kind names of the admin endpoint in camelCase, PascalCase or kebab-case, with a few short aliases.</summary>
internal sealed class FaultKindConverter : JsonConverter<FaultKind>
{
    public override FaultKind Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        Parse(reader.GetString() ?? "") ?? throw new JsonException($"Unknown fault kind '{reader.GetString()}'.");

    public override void Write(Utf8JsonWriter writer, FaultKind value, JsonSerializerOptions options) =>
        writer.WriteStringValue(JsonNamingPolicy.CamelCase.ConvertName(value.ToString()));

    public static FaultKind? Parse(string text) => text.Replace("-", "").Replace("_", "").ToLowerInvariant() switch
    {
        "latency" or "delay" => FaultKind.Latency,
        "servererror" or "error" or "5xx" => FaultKind.ServerError,
        "toomanyrequests" or "throttle" or "429" => FaultKind.TooManyRequests,
        "connectionreset" or "reset" or "abort" => FaultKind.ConnectionReset,
        "committhenfail" => FaultKind.CommitThenFail,
        "committhenreset" or "committhenabort" => FaultKind.CommitThenReset,
        "partialfailure" or "partial" => FaultKind.PartialFailure,
        "tokenexpiry" or "expiretoken" or "tokenexpired" => FaultKind.TokenExpiry,
        _ => null,
    };
}
