using System.Net;
using System.Net.Sockets;

namespace Contests.Api.Access;

/// <summary>
/// The client's network address, as the connection reports it (behind a reverse proxy, set
/// ASPNETCORE_FORWARDEDHEADERS_ENABLED=true so it is the client's and not the proxy's).
/// </summary>
public static class ClientAddress
{
    public static string? Of(HttpContext httpContext) => httpContext.Connection.RemoteIpAddress?.ToString();

    /// <summary>
    /// The key sign-in attempts are counted under: the IPv4 address, or the /64 an IPv6 client is given, since one
    /// home or phone holds a whole /64 and could otherwise step through its addresses.
    /// </summary>
    public static string LimitKey(HttpContext httpContext)
    {
        var address = httpContext.Connection.RemoteIpAddress;
        if (address is null)
        {
            return "unknown";
        }

        if (address.IsIPv4MappedToIPv6)
        {
            address = address.MapToIPv4();
        }

        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address.ToString();
        }

        var bytes = address.GetAddressBytes();
        Array.Clear(bytes, 8, 8);
        return new IPAddress(bytes) + "/64";
    }
}
