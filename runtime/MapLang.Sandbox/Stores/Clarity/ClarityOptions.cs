namespace MapLang.Sandbox.Stores.Clarity;

/// <summary>
/// ASSUMED credentials of the Clarity surface: Clarity eCommerce publishes no API, so the key scheme (<c>X-Api-Key</c> header or
/// <c>Authorization: Bearer</c> with the same key) is the sandbox's guess, to be replaced by the customer's own API.
/// </summary>
public sealed class ClarityOptions
{
    public string ApiKey { get; set; } = "sandbox-clarity-api-key";
}
