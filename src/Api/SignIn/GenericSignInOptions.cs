using Total.Scim;

namespace Total.Api.SignIn;

/// <summary>
/// Limits of the generic sign-in page (section <c>SignIn:Generic</c>), which anyone can use and where each look-up asks
/// Entra about a domain a stranger typed: look-ups per client, and how many domains discovery remembers.
/// </summary>
public sealed class GenericSignInOptions
{
    public const string Section = "SignIn:Generic";

    /// <summary>Sustained look-ups per minute from one client (IP address, IPv6 by /64); 0 turns the limit off.</summary>
    [SettingRange(0, 100_000, ErrorMessage = $"{Section}:{nameof(LookupsPerMinute)} must be {{1}} to {{2}} (0 turns the limit off), e.g. 20.")]
    public int LookupsPerMinute { get; set; } = 20;

    /// <summary>Look-ups a client may make at once above the sustained rate.</summary>
    [SettingRange(1, 100_000, ErrorMessage = $"{Section}:{nameof(Burst)} must be {{1}} to {{2}}, e.g. 20.")]
    public int Burst { get; set; } = 20;

    /// <summary>Email domains whose Entra tenant is remembered at most; the least recently used make room for new ones.</summary>
    [SettingRange(1, 10_000_000, ErrorMessage = $"{Section}:{nameof(DiscoveryCacheSize)} must be {{1}} to {{2}}, e.g. 10000.")]
    public int DiscoveryCacheSize { get; set; } = 10_000;
}
