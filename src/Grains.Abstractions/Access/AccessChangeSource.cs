namespace Total.Grains.Abstractions.Access;

/// <summary>What told TOTAL that someone's admin access changed.</summary>
public enum AccessChangeSource
{
    /// <summary>A SCIM call from Entra provisioning (membership, active, delete), or a SCIM fact found on a later check.</summary>
    Scim = 1,

    /// <summary>Reconciliation with Microsoft Graph: Entra says the user is no longer in an admin group.</summary>
    Graph = 2,

    /// <summary>The tenant's settings: its admin groups changed, or the tenant was offboarded.</summary>
    Settings = 3,
}

/// <summary>The lower-case names the operator API, the console and metrics use for sources.</summary>
public static class AccessChangeSourceNames
{
    public static string Name(this AccessChangeSource source) => source switch
    {
        AccessChangeSource.Scim => "scim",
        AccessChangeSource.Graph => "graph",
        _ => "settings",
    };

    public static AccessChangeSource? Parse(string? name) => name switch
    {
        "scim" => AccessChangeSource.Scim,
        "graph" => AccessChangeSource.Graph,
        "settings" => AccessChangeSource.Settings,
        _ => null,
    };
}
