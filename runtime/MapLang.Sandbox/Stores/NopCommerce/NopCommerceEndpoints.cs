using MapLang.Sandbox.Infrastructure;
using Microsoft.AspNetCore.Routing;
namespace MapLang.Sandbox.Stores.NopCommerce;
internal static class NopCommerceEndpoints { public static void Map(IEndpointRouteBuilder app, NopCommerceSimulator s, TokenStore t) { } }
