using Microsoft.Extensions.Configuration;

namespace Total.Hosting.Silos;

/// <summary>How the API process runs Orleans, chosen by configuration only.</summary>
public enum TotalMode
{
    /// <summary>No connection string: co-hosted silo, localhost clustering, in-memory storage. Data dies with the process.</summary>
    Embedded,

    /// <summary><c>ConnectionStrings:Total</c> set: co-hosted silo on PostgreSQL.</summary>
    SingleNode,

    /// <summary><c>Orleans:Mode=Client</c> plus a connection string: the API is an Orleans client of silos run by <c>src/Silo</c>.</summary>
    Cluster,
}

public static class TotalModes
{
    public const string ConnectionStringName = "Total";

    public static string? ConnectionString(IConfiguration configuration) =>
        configuration.GetConnectionString(ConnectionStringName) is { Length: > 0 } value ? value : null;

    /// <summary>The mode an API process runs in.</summary>
    public static TotalMode Resolve(IConfiguration configuration)
    {
        var connectionString = ConnectionString(configuration);
        var clientMode = string.Equals(configuration[$"{OrleansHostingOptions.Section}:{nameof(OrleansHostingOptions.Mode)}"], OrleansHostingOptions.ClientMode, StringComparison.OrdinalIgnoreCase);
        if (clientMode && connectionString is null)
        {
            throw new InvalidOperationException(
                "Orleans:Mode=Client needs ConnectionStrings:Total: the client finds the silos through the PostgreSQL membership table.");
        }

        return clientMode ? TotalMode.Cluster : connectionString is null ? TotalMode.Embedded : TotalMode.SingleNode;
    }
}
