using MapLang.Host.Configuration;

namespace MapLang.Host.Store;

/// <summary>
/// The store the configuration names: SQLite (<c>store.path</c>, default) or PostgreSQL (<c>store.postgres</c>, a connection string or
/// <c>env:</c>/<c>file:</c> secret) for several hosts sharing the work.
/// </summary>
public static class FlowStoreFactory
{
    public static IFlowStore Create(StoreSettings settings, string projectDirectory) =>
        Secrets.Resolve(settings.Postgres, projectDirectory) is { Length: > 0 } postgres
            ? new PostgresFlowStore(postgres)
            : new SqliteFlowStore(Path.Combine(projectDirectory, settings.Path), settings.Synchronous);
}
