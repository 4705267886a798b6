using Total.Api.Tests.Infrastructure;

namespace Total.Api.Tests.Scim;

/// <summary>Class fixture: one single-node server on its own fresh PostgreSQL database, with <see cref="ScimSuiteSettings"/>.</summary>
public sealed class SingleNodeScimServer : PostgresServerFixture
{
    protected override Dictionary<string, string?> Settings(string connectionString) => ScimSuiteSettings.ForServer(connectionString);
}
