namespace Total.Revocation;

/// <summary>Entry point: see <see cref="RevocationOptions.Usage"/> and bench/README.md.</summary>
internal static class Program
{
    public static async Task<int> Main(string[] args)
    {
        if (!ArgReader.TryParse(args, RevocationOptions.Usage, RevocationOptions.Parse, out var options, out var exitCode))
        {
            return exitCode;
        }

        var recorder = new Recorder();
        var timeout = TimeSpan.FromSeconds(options.TimeoutSeconds);
        var connections = Math.Max(options.SetupConcurrency, Math.Max(options.Concurrency, options.SweepConcurrency.DefaultIfEmpty(0).Max())) + 8;
        using var client = new LoadClient(recorder, connections, timeout);
        using var standInClient = new LoadClient(recorder, options.SetupConcurrency + 8, timeout, GraphStandInControl.TrustLocalStandIn());
        var findings = new Findings(options, recorder);
        var bench = new BenchContext(options, client, standInClient, findings);
        Findings.Say($"Revocation run {bench.RunId}: {options.Scenario} against {options.Url} (stand-in {options.StandIn}) {options.Label}");

        var task = options.Scenario switch
        {
            Scenario.Sessions => SessionsScenario.RunAsync(bench),
            Scenario.FanOut => FanOutScenario.RunAsync(bench),
            Scenario.Reminders => RemindersScenario.RunAsync(bench),
            Scenario.Sweep => SweepScenario.RunAsync(bench),
            _ => throw new InvalidOperationException(),
        };
        await task;

        findings.PrintTables();
        if (options.Out is { } path)
        {
            await File.WriteAllBytesAsync(path, findings.ToJson());
            Console.WriteLine($"results written to {path}");
        }

        return findings.Clean ? 0 : 1;
    }
}
