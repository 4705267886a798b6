using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Scim;

/// <summary>
/// Base of the SCIM conformance suite: each concern is an abstract class of tests run against both back ends
/// (an embedded server and a single-node server on PostgreSQL) by two sealed subclasses. Every test onboards
/// its own tenant, so tests never see each other's data.
/// </summary>
public abstract class ScimConformanceTests
{
    /// <summary>The server under test, from the subclass's class fixture.</summary>
    protected abstract TotalServer Server { get; }

    /// <summary>A new tenant on <see cref="Server"/> and a client for its SCIM base URL.</summary>
    protected Task<EntraScimClient> NewTenantAsync() => EntraScimClient.ForNewTenantAsync(Server);

    /// <summary>A user principal name nobody else uses.</summary>
    protected static string NewUpn(string prefix = "user") => $"{prefix}.{Guid.NewGuid():N}@contoso.example";
}
