using Npgsql;

namespace Total.Revocation;

/// <summary>Read-only looks at the server's PostgreSQL: the reminder table, and how often reconciliation state was written.</summary>
internal sealed class ServerDatabase(string connectionString)
{
    /// <summary>Rows of <c>orleansreminderstable</c> (deploy/postgres/migrations/0004_orleans_reminders.sql).</summary>
    public Task<long> ReminderRowsAsync() => ScalarAsync("SELECT count(*) FROM orleansreminderstable");

    /// <summary>
    /// The sum of the versions of every reconciliation grain's state row: each run ends with one state write, so the
    /// difference between two readings over an idle window is the number of runs in it.
    /// </summary>
    public Task<long> ReconciliationWritesAsync() =>
        ScalarAsync("SELECT coalesce(sum(version), 0) FROM orleansstorage WHERE graintypestring ILIKE '%reconciliation%'");

    /// <summary>
    /// <c>ANALYZE</c>: a database just created and filled in a minute has no statistics yet (autovacuum has not
    /// come round), and its plans are not the ones a database in service gets.
    /// </summary>
    public Task AnalyzeAsync() => ScalarAsync("ANALYZE");

    private async Task<long> ScalarAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return await command.ExecuteScalarAsync() is { } value and not DBNull ? Convert.ToInt64(value, System.Globalization.CultureInfo.InvariantCulture) : 0;
    }
}
