using Microsoft.Data.Sqlite;

namespace MapLang.Host.Store;

/// <summary>
/// The writer connection's statements, prepared once and reused (a new <see cref="SqliteCommand"/> would parse its SQL again on
/// every write). Used by the write loop's thread only; the SQL texts are the store's constants, so the cache stays small.
/// </summary>
internal sealed class SqliteStatements(SqliteConnection connection) : IDisposable
{
    private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

    public int Execute(string sql, params object?[] args) => Prepare(sql, args).ExecuteNonQuery();

    public object? Scalar(string sql, params object?[] args) => Prepare(sql, args).ExecuteScalar();

    public List<T> Query<T>(Func<SqliteDataReader, T> read, string sql, params object?[] args)
    {
        using var reader = Prepare(sql, args).ExecuteReader();
        var result = new List<T>();
        while (reader.Read()) result.Add(read(reader));
        return result;
    }

    private SqliteCommand Prepare(string sql, object?[] args)
    {
        if (!_commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            for (var i = 0; i < args.Length; i++) command.Parameters.Add(new SqliteParameter("$" + (i + 1), null));
            _commands.Add(sql, command);
        }
        for (var i = 0; i < args.Length; i++) command.Parameters[i].Value = args[i] ?? DBNull.Value;
        return command;
    }

    public void Dispose()
    {
        foreach (var command in _commands.Values) command.Dispose();
        _commands.Clear();
    }
}
