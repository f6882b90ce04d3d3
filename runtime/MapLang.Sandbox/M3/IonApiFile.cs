using System.Text.Json;

namespace MapLang.Sandbox.M3;

/// <summary>Writes the .ionapi JSON (keys as in reference/m3/examples/ionapi-file-example.json) pointing at the sandbox.</summary>
public static class IonApiFile
{
    public static string Create(M3Options o, Uri baseUri)
    {
        var root = baseUri.ToString().TrimEnd('/');
        return JsonSerializer.Serialize(new Dictionary<string, string>
        {
            ["ti"] = o.Tenant, ["cn"] = "MapLang sandbox", ["dt"] = "12", ["ci"] = o.ClientId, ["cs"] = o.ClientSecret,
            ["iu"] = root, ["pu"] = $"{root}/{o.Tenant}/as/", ["oa"] = "authorization.oauth2", ["ot"] = "token.oauth2",
            ["or"] = "revoke_token.oauth2", ["ev"] = "U000000000", ["v"] = "1.0",
            ["saak"] = o.ServiceAccountAccessKey, ["sask"] = o.ServiceAccountSecretKey,
        }, new JsonSerializerOptions { WriteIndented = true });
    }
}
