namespace MapLang.Host.Store;

/// <summary>The tables of the PostgreSQL store: those of <see cref="SqliteSchema"/> (times in Unix milliseconds, UTC).</summary>
internal static class PostgresSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS runs (
            id BIGSERIAL PRIMARY KEY,
            flow TEXT NOT NULL,
            key TEXT NOT NULL,
            status INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at BIGINT NOT NULL,
            updated_at BIGINT NOT NULL,
            next_at BIGINT NOT NULL,
            error TEXT,
            payload BYTEA NOT NULL,
            UNIQUE (flow, key)
        );
        CREATE INDEX IF NOT EXISTS runs_due ON runs (status, next_at);
        CREATE TABLE IF NOT EXISTS checkpoints (
            run_id BIGINT NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            at BIGINT NOT NULL,
            PRIMARY KEY (run_id, key)
        );
        CREATE TABLE IF NOT EXISTS outbox (
            id BIGSERIAL PRIMARY KEY,
            run_id BIGINT NOT NULL,
            step TEXT NOT NULL,
            connector TEXT NOT NULL,
            operation TEXT NOT NULL,
            target_id TEXT NOT NULL,
            body TEXT NOT NULL,
            status INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_at BIGINT NOT NULL,
            error TEXT,
            UNIQUE (run_id, step)
        );
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_at);
        CREATE TABLE IF NOT EXISTS watermarks (
            source TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            at BIGINT NOT NULL
        );
        """;
}
