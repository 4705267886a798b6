using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace Total.DevStandIns.Entra;

/// <summary>
/// A free loopback port for the stand-in (<c>HttpsPort</c> 0), bound when the stand-in is made rather than when
/// Kestrel starts: the settings pointed at the stand-in (<c>SignIn:Instance</c>, <c>Graph:BaseUrl</c>, …) then name
/// its real address from the first read on, so they are validated on start like any other. Kestrel listens on this
/// very socket (<see cref="SocketTransportOptions.CreateBoundListenSocket"/>), so nothing can take the port in between.
/// </summary>
internal sealed class ReservedPort : IDisposable
{
    private Socket? _socket;

    public ReservedPort()
    {
        _socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        _socket.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        Port = ((IPEndPoint)_socket.LocalEndPoint!).Port;
    }

    public int Port { get; }

    /// <summary>Hands Kestrel the reserved socket for the stand-in's endpoint (once; Kestrel owns it then), else <paramref name="fallback"/>'s.</summary>
    public Socket CreateBoundListenSocket(EndPoint endpoint, Func<EndPoint, Socket> fallback) =>
        endpoint is IPEndPoint ip && ip.Port == Port && ip.Address.Equals(IPAddress.Loopback) && Interlocked.Exchange(ref _socket, null) is { } reserved
            ? reserved
            : fallback(endpoint);

    /// <summary>Frees the port when the server never started (after Kestrel took the socket, Kestrel closes it).</summary>
    public void Dispose() => Interlocked.Exchange(ref _socket, null)?.Dispose();
}
