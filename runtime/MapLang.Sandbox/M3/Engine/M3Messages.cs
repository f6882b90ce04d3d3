using System.Text.Json;
using MapLang.Sandbox.Infrastructure;

namespace MapLang.Sandbox.M3.Engine;

/// <summary>
/// M3 message ids and texts from reference/m3/examples/error-messages.json ("&amp;1" substituted).
/// Codes the catalogue lacks follow its documented pattern W&lt;key&gt;&lt;nn&gt;&lt;01 invalid|02 must be entered|03 does not exist|04 exists&gt;.
/// </summary>
public static class M3Messages
{
    private static readonly Dictionary<string, string> Texts = Load();

    // Field → message key (letters + 2 digits) taken from the catalogue's codes, e.g. WCU0203 → CUNO is "CU02".
    private static readonly Dictionary<string, string> FieldKeys = new(StringComparer.Ordinal)
    {
        ["CUNO"] = "CU02", ["ITNO"] = "IT01", ["WHLO"] = "WH01", ["FACI"] = "FAC3", ["ORNO"] = "OR03", ["ORTP"] = "TT04",
        ["PONR"] = "PO03", ["DLIX"] = "DL02", ["MODL"] = "MO01", ["TEDL"] = "TE01", ["ADID"] = "AD10", ["STAT"] = "ST03", ["USID"] = "US05",
    };

    private static Dictionary<string, string> Load()
    {
        using var doc = JsonDocument.Parse(EmbeddedReference.ReadText("reference/m3/examples/error-messages.json"));
        return doc.RootElement.GetProperty("messages").EnumerateArray()
            .ToDictionary(m => m.GetProperty("code").GetString()!, m => m.GetProperty("text").GetString()!, StringComparer.Ordinal);
    }

    public static M3Error Of(string code, string field, params string[] args)
    {
        var text = Texts.TryGetValue(code, out var t) ? t : code;
        for (var i = 0; i < args.Length; i++) text = text.Replace("&" + (i + 1), args[i], StringComparison.Ordinal);
        return new M3Error(M3Error.NotOk, code, field, text);
    }

    public static M3ErrorException Fail(string code, string field, params string[] args) => new(Of(code, field, args));

    public static M3ErrorException DoesNotExist(string field, string description, string value)
    {
        var code = "W" + Key(field) + "03";
        return Texts.ContainsKey(code) ? Fail(code, field, value) : new M3ErrorException(new M3Error(M3Error.NotOk, code, field, $"{description} {value} does not exist"));
    }

    public static M3ErrorException MustBeEntered(string field, string description)
    {
        var code = "W" + Key(field) + "02";
        return Texts.ContainsKey(code) ? Fail(code, field) : new M3ErrorException(new M3Error(M3Error.NotOk, code, field, $"{description} must be entered"));
    }

    public static M3ErrorException Invalid(string field, string description, string value) =>
        new(new M3Error(M3Error.NotOk, "W" + Key(field) + "01", field, $"{description} {value} is invalid"));

    public static M3ErrorException RecordDoesNotExist(string field = "") => Fail("XRE0103", field);

    public static M3ErrorException RecordAlreadyExists(string field = "") => Fail("XRE0104", field);

    private static string Key(string field) => FieldKeys.TryGetValue(field, out var k) ? k : field[..Math.Min(2, field.Length)] + "01";
}
