using System.Text.Json;

namespace MapLang.Host.Connectors.M3;

/// <summary>The parts of a customer's <c>.ionapi</c> file the host needs: gateway base, token endpoint, client and service account.</summary>
public sealed record IonApiCredentials(string GatewayUrl, string Tenant, string TokenUrl, string ClientId, string ClientSecret, string Username, string Password)
{
    public static IonApiCredentials Parse(string json)
    {
        using var doc = JsonDocument.Parse(json);
        var r = doc.RootElement;
        string S(string name) => r.TryGetProperty(name, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString()! : throw new FormatException($"The .ionapi file has no \"{name}\".");
        return new IonApiCredentials(S("iu").TrimEnd('/'), S("ti"), S("pu") + S("ot"), S("ci"), S("cs"), S("saak"), S("sask"));
    }

    /// <summary><c>{iu}/{ti}/M3/m3api-rest/</c></summary>
    public Uri M3BaseUri => new($"{GatewayUrl}/{Tenant}/M3/m3api-rest/");

    public override string ToString() => $"IonApiCredentials {{ Gateway = {GatewayUrl}, Tenant = {Tenant}, ClientId = {ClientId} }}";
}
