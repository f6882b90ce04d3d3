using MapLang.LanguageServer.Server;

namespace MapLang.LanguageServer.Handlers;

public sealed class InitializedHandler(ServerContext context) : NotificationHandler<object?>(context)
{
    public override string Method => "initialized";
    public override void Handle(object? parameters) { }
}

public sealed class ShutdownHandler(ServerContext context) : RequestHandler<object?, object?>(context)
{
    public override string Method => "shutdown";

    public override Task<object?> HandleAsync(object? parameters, CancellationToken cancellation)
    {
        Context.ShutdownRequested = true;
        return Task.FromResult<object?>(null);
    }
}

public sealed class ExitHandler(ServerContext context) : NotificationHandler<object?>(context)
{
    public override string Method => "exit";
    public override void Handle(object? parameters) => Context.Exited.TrySetResult();
}
