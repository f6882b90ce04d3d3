using System.Reflection;
using MapLang.LanguageServer.Protocol;
using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class InitializeHandler(ServerContext context) : RequestHandler<InitializeParams, InitializeResult>(context)
{
    public override string Method => "initialize";

    /// <summary>Set by the server once every handler has declared its capability.</summary>
    internal Capabilities Capabilities { get; set; } = new();

    public override Task<InitializeResult> HandleAsync(InitializeParams parameters, CancellationToken cancellation)
    {
        var version = typeof(InitializeHandler).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0";
        return Task.FromResult(new InitializeResult(Capabilities.Root, new ServerInfo("maplang", version.Split('+')[0])));
    }
}
