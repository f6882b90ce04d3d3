using System.Reflection;
using MapLang.LanguageServer.Server;
using StreamJsonRpc;

namespace MapLang.LanguageServer.Handlers;

/// <summary>One LSP method: how it is registered on the connection and what capability it declares.</summary>
public interface IHandler
{
    string Method { get; }
    void Declare(Capabilities capabilities);
    void Register(JsonRpc rpc);
}

/// <summary>A request: its parameters object in, a result out. Exceptions become error responses; the server carries on.</summary>
public abstract class RequestHandler<TParams, TResult>(ServerContext context) : IHandler
{
    protected ServerContext Context { get; } = context;
    public abstract string Method { get; }
    public virtual void Declare(Capabilities capabilities) { }
    public abstract Task<TResult> HandleAsync(TParams parameters, CancellationToken cancellation);

    public void Register(JsonRpc rpc)
    {
        Func<TParams, CancellationToken, Task<TResult>> handler = InvokeAsync;
        rpc.AddLocalRpcMethod(handler.Method, handler.Target, new JsonRpcMethodAttribute(Method) { UseSingleObjectParameterDeserialization = true });
    }

    // Optional so that requests without params (shutdown) still find their method.
    private Task<TResult> InvokeAsync(TParams parameters = default!, CancellationToken cancellation = default) => HandleAsync(parameters, cancellation);
}

/// <summary>A notification, handled in arrival order (text synchronisation depends on it).</summary>
public abstract class NotificationHandler<TParams>(ServerContext context) : IHandler
{
    protected ServerContext Context { get; } = context;
    public abstract string Method { get; }
    public virtual void Declare(Capabilities capabilities) { }
    public abstract void Handle(TParams parameters);

    public void Register(JsonRpc rpc)
    {
        Action<TParams> handler = Invoke;
        rpc.AddLocalRpcMethod(handler.Method, handler.Target, new JsonRpcMethodAttribute(Method) { UseSingleObjectParameterDeserialization = true });
    }

    // Optional so that notifications without params (exit) still find their method.
    private void Invoke(TParams parameters = default!) => Handle(parameters);
}

internal static class HandlerCatalog
{
    /// <summary>Every handler of this assembly, constructed with the context.</summary>
    public static IReadOnlyList<IHandler> Create(ServerContext context) => typeof(IHandler).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true, IsPublic: true } && typeof(IHandler).IsAssignableFrom(t) && t.GetConstructor([typeof(ServerContext)]) is not null)
        .OrderBy(t => t.FullName, StringComparer.Ordinal)
        .Select(t => (IHandler)Activator.CreateInstance(t, BindingFlags.Public | BindingFlags.Instance, null, [context], null)!)
        .ToArray();
}
