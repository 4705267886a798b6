using System.Net;
using System.Net.Sockets;

namespace Total.Api.Tests.Infrastructure;

/// <summary>
/// Loopback ports for endpoints a test must name before the server binds them (Orleans silo and gateway, a
/// child process's HTTP port). They come from below the kernel's ephemeral range: a port from the ephemeral
/// range, freed again for the server to bind, can meanwhile become the local port of one of the thousands of
/// outgoing connections tests make (HTTP, PostgreSQL), and the server then fails to start. Each port is
/// handed out once per test process and checked free by binding it.
/// </summary>
public static class FreePorts
{
    private const int Lowest = 10_000;

    private static readonly int EphemeralStart = ReadEphemeralStart();

    // A random start, so test processes of two checkouts on one machine rarely probe the same ports.
    private static int _next = Lowest + Random.Shared.Next(Math.Max(1, (EphemeralStart - Lowest) / 2));

    public static int Next()
    {
        for (var attempt = 0; attempt < 1_000; attempt++)
        {
            var port = Interlocked.Increment(ref _next);
            if (port >= EphemeralStart)
            {
                Interlocked.CompareExchange(ref _next, Lowest, port);
                continue;
            }

            if (IsFree(port))
            {
                return port;
            }
        }

        throw new InvalidOperationException($"No free loopback port between {Lowest} and {EphemeralStart}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    /// <summary>The first port the kernel hands to outgoing connections (Linux: ip_local_port_range; 32768 by default).</summary>
    private static int ReadEphemeralStart()
    {
        const int linuxDefault = 32_768;
        try
        {
            var range = File.ReadAllText("/proc/sys/net/ipv4/ip_local_port_range").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);
            return int.TryParse(range[0], out var start) && start > Lowest + 1_000 ? start : linuxDefault;
        }
        catch (IOException)
        {
            return linuxDefault;
        }
        catch (UnauthorizedAccessException)
        {
            return linuxDefault;
        }
    }
}
