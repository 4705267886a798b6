using System.Diagnostics;
using System.Globalization;

namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// A <c>src/Silo</c> host as its own operating-system process (the build output next to the tests), so a drill can
/// kill it the hard way, like a node failure or an OOM kill: no graceful shutdown, no goodbye to the cluster.
/// </summary>
public sealed class SiloProcess : IAsyncDisposable
{
    private readonly Process _process;

    private SiloProcess(Process process, Uri baseAddress)
    {
        _process = process;
        BaseAddress = baseAddress;
    }

    public Uri BaseAddress { get; }

    public bool HasExited => _process.HasExited;

    /// <summary>Starts the host with <paramref name="settings"/> as environment variables and waits for its <c>/healthz</c>.</summary>
    public static async Task<SiloProcess> StartAsync(IDictionary<string, string?> settings)
    {
        var port = FreePorts.Next();
        var start = new ProcessStartInfo("dotnet", Path.Combine(AppContext.BaseDirectory, "Total.Silo.dll"))
        {
            UseShellExecute = false,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var (key, value) in settings.Where(kv => kv.Value is not null && kv.Key != "urls"))
        {
            start.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port.ToString(CultureInfo.InvariantCulture)}";
        var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet did not start");

        // Drain the pipes so a chatty silo never blocks on a full buffer.
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var silo = new SiloProcess(process, new Uri($"http://127.0.0.1:{port}"));
        await silo.WaitHealthyAsync(TimeSpan.FromSeconds(60));
        return silo;
    }

    /// <summary>SIGKILL: the process dies on the spot.</summary>
    public void Kill()
    {
        _process.Kill(entireProcessTree: true);
        _process.WaitForExit(10_000);
    }

    private async Task WaitHealthyAsync(TimeSpan limit)
    {
        using var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTimeOffset.UtcNow + limit;
        while (DateTimeOffset.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The silo process exited with code {_process.ExitCode} before it was healthy.");
            }

            try
            {
                if ((await client.GetAsync("/healthz")).IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }
            catch (TaskCanceledException)
            {
                // Not answering yet.
            }

            await Task.Delay(200);
        }

        Kill();
        throw new TimeoutException($"The silo process was not healthy within {limit}.");
    }

    public ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            Kill();
        }

        _process.Dispose();
        return ValueTask.CompletedTask;
    }
}
