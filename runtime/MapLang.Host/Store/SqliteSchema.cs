namespace MapLang.Host.Store;

/// <summary>The tables of the SQLite store. Times are Unix milliseconds (UTC).</summary>
internal static class SqliteSchema
{
    public const string Create = """
        CREATE TABLE IF NOT EXISTS runs (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            flow TEXT NOT NULL,
            key TEXT NOT NULL,
            status INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            created_at INTEGER NOT NULL,
            updated_at INTEGER NOT NULL,
            next_at INTEGER NOT NULL,
            error TEXT,
            payload BLOB NOT NULL,
            UNIQUE (flow, key)
        );
        CREATE INDEX IF NOT EXISTS runs_due ON runs (status, next_at);
        CREATE TABLE IF NOT EXISTS checkpoints (
            run_id INTEGER NOT NULL,
            key TEXT NOT NULL,
            value TEXT NOT NULL,
            at INTEGER NOT NULL,
            PRIMARY KEY (run_id, key)
        ) WITHOUT ROWID;
        CREATE TABLE IF NOT EXISTS outbox (
            id INTEGER PRIMARY KEY AUTOINCREMENT,
            run_id INTEGER NOT NULL,
            step TEXT NOT NULL,
            connector TEXT NOT NULL,
            operation TEXT NOT NULL,
            target_id TEXT NOT NULL,
            body TEXT NOT NULL,
            status INTEGER NOT NULL,
            attempts INTEGER NOT NULL DEFAULT 0,
            next_at INTEGER NOT NULL,
            error TEXT,
            UNIQUE (run_id, step)
        );
        CREATE INDEX IF NOT EXISTS outbox_due ON outbox (status, next_at);
        CREATE TABLE IF NOT EXISTS watermarks (
            source TEXT PRIMARY KEY,
            value TEXT NOT NULL,
            at INTEGER NOT NULL
        ) WITHOUT ROWID;
        """;
}
