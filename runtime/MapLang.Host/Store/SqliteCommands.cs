using Microsoft.Data.Sqlite;

namespace MapLang.Host.Store;

/// <summary>Small helpers over Microsoft.Data.Sqlite commands with positional parameters ($1, $2…).</summary>
internal static class SqliteCommands
{
    public static SqliteCommand Command(this SqliteConnection connection, string sql, params object?[] args)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < args.Length; i++) command.Parameters.AddWithValue("$" + (i + 1), args[i] ?? DBNull.Value);
        return command;
    }

    public static int Execute(this SqliteConnection connection, string sql, params object?[] args)
    {
        using var command = connection.Command(sql, args);
        return command.ExecuteNonQuery();
    }

    public static object? Scalar(this SqliteConnection connection, string sql, params object?[] args)
    {
        using var command = connection.Command(sql, args);
        return command.ExecuteScalar();
    }

    public static List<T> Query<T>(this SqliteConnection connection, Func<SqliteDataReader, T> read, string sql, params object?[] args)
    {
        using var command = connection.Command(sql, args);
        using var reader = command.ExecuteReader();
        var result = new List<T>();
        while (reader.Read()) result.Add(read(reader));
        return result;
    }

    public static long Ms(DateTimeOffset t) => t.ToUnixTimeMilliseconds();

    public static DateTimeOffset Time(long ms) => DateTimeOffset.FromUnixTimeMilliseconds(ms);
}
