using Microsoft.AspNetCore.Routing;
namespace MapLang.Sandbox.Stores.BigCommerce;
internal static class BigCommerceEndpoints { public static void Map(IEndpointRouteBuilder app, BigCommerceSimulator s) { } }
