using System.Diagnostics;

namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL server of the test's own (through <c>.ci/postgres</c>), for drills that stop and restart the
/// server under load without disturbing the shared test server. Needs what <c>.ci/run</c> provides (root and
/// PostgreSQL 15): without it the drill skips locally and fails under <c>CI=true</c>.
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

    public static async Task<OwnPostgres> StartAsync()
    {
        var script = FindScript();
        if (script is null || !File.Exists("/usr/lib/postgresql/15/bin/initdb") || Environment.UserName != "root")
        {
            CiRequirement.Missing(
                "The PostgreSQL restart drill needs root, PostgreSQL 15 and .ci/postgres; .ci/run provides them.",
                "The PostgreSQL restart drill needs root, PostgreSQL 15 and .ci/postgres (run .ci/run).");
        }

        var directory = Path.Combine(Path.GetTempPath(), "total-drill-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var output = await RunAsync(script!, "start", directory);
        return new OwnPostgres(script!, directory, output.Trim() + ";Timeout=5;Command Timeout=10");
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
