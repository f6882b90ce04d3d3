using Microsoft.AspNetCore.Routing;
namespace MapLang.Sandbox.Stores.Clarity;
internal static class ClarityEndpoints { public static void Map(IEndpointRouteBuilder app, ClaritySimulator s) { } }
