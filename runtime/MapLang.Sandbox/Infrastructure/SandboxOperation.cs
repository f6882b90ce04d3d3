using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace MapLang.Sandbox.Infrastructure;

/// <summary>
/// Endpoint metadata naming the simulated system and operation, used by fault injection, rate limits and counters.
/// <c>{name}</c> in <see cref="Operation"/> is replaced by the route value (M3: "{program}/{transaction}").
/// </summary>
public sealed record SandboxOperation(string System, string Operation)
{
    public string Resolve(HttpContext context)
    {
        if (!Operation.Contains('{')) return Operation;
        var text = Operation;
        foreach (var (key, value) in context.GetRouteData().Values)
        {
            // M3 v1 carries matrix parameters in the transaction segment: "LstItmByItm;maxrecs=10".
            var text2 = Convert.ToString(value, global::System.Globalization.CultureInfo.InvariantCulture) ?? "";
            var semicolon = text2.IndexOf(';');
            text = text.Replace("{" + key + "}", semicolon >= 0 ? text2[..semicolon] : text2, StringComparison.Ordinal);
        }
        return text;
    }
}

public static class SandboxOperationExtensions
{
    public static TBuilder Op<TBuilder>(this TBuilder builder, string system, string operation) where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new SandboxOperation(system, operation));
}
