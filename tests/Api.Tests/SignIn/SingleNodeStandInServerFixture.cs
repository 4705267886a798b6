using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// A Development-mode single-node server on its own PostgreSQL database, with the local Entra stand-in: sign-in and
/// revocation tests against the durable stores.
/// </summary>
public sealed class SingleNodeStandInServerFixture : PostgresServerFixture
{
    protected override Dictionary<string, string?> Settings(string connectionString)
    {
        var settings = StandInServerFixture.Settings("Development");
        settings["ConnectionStrings:Total"] = connectionString;
        return settings;
    }
}
