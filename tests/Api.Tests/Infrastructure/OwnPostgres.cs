using System.Diagnostics;

namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// A throwaway PostgreSQL server on 127.0.0.1 (through <c>.ci/postgres</c>, with <c>fsync</c> off): the shared
/// test server when <c>TOTAL_TEST_POSTGRES</c> is not set, and the drills' own, which they stop and restart under
/// load without disturbing the shared one. Needs PostgreSQL 15 (<c>apt-get install postgresql-15</c>).
/// </summary>
public sealed class OwnPostgres : IAsyncDisposable
{
    private readonly string _script;
    private readonly string _directory;

    private OwnPostgres(string script, string directory, string connectionString)
    {
        _script = script;
        _directory = directory;
        ConnectionString = connectionString;
    }

    public string ConnectionString { get; }

    /// <summary>
    /// True when this machine can start one: PostgreSQL 15 is installed and the script is in the checkout (and
    /// <see cref="PostgresServer.DisableVariable"/> does not say to act as if it were not).
    /// </summary>
    public static bool CanStart => !PostgresServer.Disabled && Script is not null && File.Exists("/usr/lib/postgresql/15/bin/initdb");

    private static string? Script { get; } = FindScript();

    public static async Task<OwnPostgres> StartAsync()
    {
        if (!CanStart)
        {
            CiRequirement.Missing(
                "This test starts its own PostgreSQL: it needs PostgreSQL 15 (.ci/run installs it).",
                "This test starts its own PostgreSQL: install PostgreSQL 15 (apt-get install postgresql-15) to run it.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "total-test-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var output = await RunAsync(Script!, "start", directory);
        return new OwnPostgres(Script!, directory, output.Trim());
    }

    /// <summary>A fast shutdown: open connections are cut, new ones refused.</summary>
    public Task StopAsync() => RunAsync(_script, "stop", _directory);

    public Task ResumeAsync() => RunAsync(_script, "resume", _directory);

    public async ValueTask DisposeAsync()
    {
        await RunAsync(_script, "stop", _directory);
        Directory.Delete(_directory, recursive: true);
    }

    private static string? FindScript()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, ".ci", "postgres");
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }

        return null;
    }

    private static async Task<string> RunAsync(string script, string command, string directory)
    {
        var start = new ProcessStartInfo("bash", [script, command, directory]) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return process.ExitCode == 0 ? output : throw new InvalidOperationException($".ci/postgres {command} failed: {error}");
    }
}
