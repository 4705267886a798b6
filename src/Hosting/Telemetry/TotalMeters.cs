namespace Total.Hosting.Telemetry;

/// <summary>Names of the meters TOTAL's web tier publishes (the grains' own are next to them, e.g. <c>AccessMetrics</c>).</summary>
public static class TotalMeters
{
    public const string Scim = "Total.Scim";
    public const string Console = "Total.Console";
}
