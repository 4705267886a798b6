namespace Total.Api.Tests.SignIn;

/// <summary>A stand-in server whose generic sign-in page has small limits, so a test reaches them in a few requests.</summary>
public sealed class GenericSignInLimitsServerFixture : StandInServerFixture
{
    public const int LookupsPerMinute = 3;

    public const int DiscoveryCacheSize = 5;

    protected override Dictionary<string, string?> ServerSettings()
    {
        var settings = base.ServerSettings();
        settings["SignIn:Generic:LookupsPerMinute"] = LookupsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["SignIn:Generic:Burst"] = LookupsPerMinute.ToString(System.Globalization.CultureInfo.InvariantCulture);
        settings["SignIn:Generic:DiscoveryCacheSize"] = DiscoveryCacheSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return settings;
    }
}
