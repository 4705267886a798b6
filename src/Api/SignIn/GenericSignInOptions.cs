namespace Total.Api.SignIn;

/// <summary>
/// Limits of the generic sign-in page (section <c>SignIn:Generic</c>), which anyone can use and where each look-up asks
/// Entra about a domain a stranger typed: look-ups per client, and how many domains discovery remembers.
/// </summary>
public sealed class GenericSignInOptions
{
    public const string Section = "SignIn:Generic";

    /// <summary>Sustained look-ups per minute from one client (IP address, IPv6 by /64); 0 turns the limit off.</summary>
    public int LookupsPerMinute { get; set; } = 20;

    /// <summary>Look-ups a client may make at once above the sustained rate.</summary>
    public int Burst { get; set; } = 20;

    /// <summary>Email domains whose Entra tenant is remembered at most; the least recently used make room for new ones.</summary>
    public int DiscoveryCacheSize { get; set; } = 10_000;
}
