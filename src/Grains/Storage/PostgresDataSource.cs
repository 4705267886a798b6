using Npgsql;

namespace Total.Grains.Storage;

/// <summary>The process's PostgreSQL connection pool, with the settings the stores' short, repeated statements want.</summary>
public static class PostgresDataSource
{
    /// <summary>Statements each physical connection keeps prepared: more than the stores issue, so all of them stay so.</summary>
    private const int AutoPreparedStatements = 64;

    /// <summary>
    /// Every store statement is one of a few dozen texts run thousands of times a second: prepared after its second
    /// use, PostgreSQL parses and plans it once per connection instead of on every call. A connection string that
    /// sets <c>Max Auto Prepare</c> (0 turns it off) or <c>Auto Prepare Min Usages</c> keeps its own values.
    /// </summary>
    public static NpgsqlDataSource Create(string connectionString)
    {
        var builder = new NpgsqlDataSourceBuilder(connectionString);
        var given = new NpgsqlConnectionStringBuilder(connectionString);
        if (!given.ContainsKey("Max Auto Prepare"))
        {
            builder.ConnectionStringBuilder.MaxAutoPrepare = AutoPreparedStatements;
        }

        if (!given.ContainsKey("Auto Prepare Min Usages"))
        {
            builder.ConnectionStringBuilder.AutoPrepareMinUsages = 2;
        }

        return builder.Build();
    }
}
