using System.Globalization;

namespace Total.Bench;

/// <summary>CPU time (from /proc, in clock ticks of 1/100 s) of this tool, the server, PostgreSQL and the whole machine.</summary>
internal sealed record CpuSnapshot(long At, double Tool, double? Server, double? Postgres, double MachineBusy, double MachineTotal)
{
    private const double TicksPerSecond = 100.0;

    public static CpuSnapshot Take(int? serverPid, int? pgPid)
    {
        var (busy, total) = Machine();
        return new CpuSnapshot(
            System.Diagnostics.Stopwatch.GetTimestamp(),
            ProcessTicks(Environment.ProcessId) ?? 0,
            serverPid is { } s ? ProcessTicks(s) : null,
            pgPid is { } p ? TreeTicks(p) : null,
            busy,
            total);
    }

    /// <summary>Cores used by each between two snapshots (a core-second per second = 1.0).</summary>
    public static Dictionary<string, double> CoresUsed(CpuSnapshot a, CpuSnapshot b)
    {
        var seconds = System.Diagnostics.Stopwatch.GetElapsedTime(a.At, b.At).TotalSeconds;
        var cores = new Dictionary<string, double>(StringComparer.Ordinal)
        {
            ["tool"] = (b.Tool - a.Tool) / TicksPerSecond / seconds,
        };
        if (a.Server is { } s0 && b.Server is { } s1)
        {
            cores["server"] = (s1 - s0) / TicksPerSecond / seconds;
        }

        if (a.Postgres is { } p0 && b.Postgres is { } p1)
        {
            cores["postgres"] = (p1 - p0) / TicksPerSecond / seconds;
        }

        var machineCores = Environment.ProcessorCount;
        var busyShare = (b.MachineBusy - a.MachineBusy) / Math.Max(1, b.MachineTotal - a.MachineTotal);
        cores["machine-busy"] = busyShare * machineCores;
        cores["other-processes"] = Math.Max(0, cores["machine-busy"] - cores.Where(c => c.Key is "tool" or "server" or "postgres").Sum(c => c.Value));
        cores["idle"] = (1 - busyShare) * machineCores;
        return cores;
    }

    public static long? RssBytes(int pid)
    {
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
                {
                    return long.Parse(line[6..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
                }
            }
        }
        catch (IOException)
        {
        }

        return null;
    }

    private static double? ProcessTicks(int pid) => Stat(pid) is { } s ? s.Ticks : null;

    private static double TreeTicks(int root)
    {
        double ticks = 0;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), NumberStyles.Integer, CultureInfo.InvariantCulture, out var pid)
                && Stat(pid) is { } s && (pid == root || s.Ppid == root))
            {
                ticks += s.Ticks;
            }
        }

        return ticks;
    }

    private static (double Ticks, int Ppid)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var rest = text[(text.LastIndexOf(')') + 2)..].Split(' ');

            // After "pid (comm) ": [0]=state [1]=ppid ... [11]=utime [12]=stime
            return (double.Parse(rest[11], CultureInfo.InvariantCulture) + double.Parse(rest[12], CultureInfo.InvariantCulture),
                int.Parse(rest[1], CultureInfo.InvariantCulture));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }

    private static (double Busy, double Total) Machine()
    {
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1)
            .Select(f => double.Parse(f, CultureInfo.InvariantCulture)).ToArray();

        // user nice system idle iowait irq softirq steal [guest guest_nice are already in user/nice]
        var total = fields.Take(8).Sum();
        var idle = fields[3] + fields[4];
        return (total - idle, total);
    }
}
