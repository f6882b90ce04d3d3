using MapLang.Sandbox.Infrastructure;
using Microsoft.AspNetCore.Routing;
namespace MapLang.Sandbox.Stores.Amazon;
internal static class AmazonEndpoints { public static void Map(IEndpointRouteBuilder app, AmazonSimulator s, TokenStore t) { } }
