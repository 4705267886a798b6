using System.Net;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Orleans.Configuration;
using Orleans.Dashboard;
using Total.Grains;
using Total.Grains.Abstractions;
using Total.Grains.Reconciliation;
using Total.Grains.Storage;
using Total.Hosting.Telemetry;

namespace Total.Hosting.Silos;

/// <summary>One place that configures a TOTAL silo, used by the co-hosted API and by <c>src/Silo</c>.</summary>
public static class SiloConfiguration
{
    /// <summary>
    /// Embedded (no connection string): localhost clustering and in-memory storage/reminders.
    /// Otherwise PostgreSQL through the Orleans ADO.NET providers for clustering, persistence and reminders.
    /// </summary>
    public static ISiloBuilder AddTotalSilo(this ISiloBuilder silo, IConfiguration configuration, bool singleSilo)
    {
        var options = HostingOptions(configuration);
        var connectionString = TotalModes.ConnectionString(configuration);

        silo.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });

        // SREs tune failure detection and call timeouts from settings (Orleans:Membership:ProbeTimeout,
        // Orleans:Membership:NumMissedProbesLimit, Orleans:Messaging:ResponseTimeout, …); the drills shorten them.
        silo.Configure<ClusterMembershipOptions>(configuration.GetSection(MembershipSection));
        silo.Configure<SiloMessagingOptions>(configuration.GetSection(MessagingSection));

        // Grain calls continue the caller's trace (HTTP request → grain → grain) when traces are exported: the
        // propagation filters wrap every grain call, which nothing needs while no trace leaves the process.
        if (TelemetryHosting.IsExporting(configuration))
        {
            silo.AddActivityPropagation();
        }

        silo.AddTotalDashboard(configuration);

        if (options.SiloName is { Length: > 0 } siloName)
        {
            silo.Configure<SiloOptions>(s => s.SiloName = siloName);
        }

        if (connectionString is null)
        {
            silo.UseLocalhostClustering(options.SiloPort, options.GatewayPort, serviceId: options.ServiceId, clusterId: options.ClusterId);
            silo.AddMemoryGrainStorage(GrainStorage.ProviderName);
            silo.UseInMemoryReminderService();
        }
        else
        {
            var advertised = string.IsNullOrWhiteSpace(options.AdvertisedIPAddress)
                ? singleSilo ? IPAddress.Loopback : null
                : IPAddress.Parse(options.AdvertisedIPAddress);
            if (advertised is null)
            {
                silo.ConfigureEndpoints(options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            }
            else
            {
                silo.ConfigureEndpoints(advertised, options.SiloPort, options.GatewayPort, listenOnAnyHostAddress: true);
            }

            silo.UseAdoNetClustering(o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = connectionString;
            });
            silo.AddAdoNetGrainStorage(GrainStorage.ProviderName, o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = connectionString;

                // Offboarding and SCIM deletes must remove the row, not leave an empty payload behind.
                o.DeleteStateOnClear = true;
            });
            silo.UseAdoNetReminderService(o =>
            {
                o.Invariant = PostgresInvariant;
                o.ConnectionString = connectionString;
            });
        }

        // Orleans refuses reminder periods under a minute by default; a shorter reconciliation period (tests,
        // drills) lowers that floor instead of failing every tenant's registration.
        silo.Services.AddOptions<ReminderOptions>().Configure<IOptions<ReconciliationOptions>>((reminders, reconciliation) =>
        {
            if (reconciliation.Value.Period < reminders.MinimumReminderPeriod)
            {
                reminders.MinimumReminderPeriod = reconciliation.Value.Period;
            }
        });

        // Stored state is System.Text.Json, not Orleans' default Newtonsoft-with-type-names: renaming a
        // .NET type must never make stored tenants unreadable.
        silo.UseSystemTextJsonGrainStorageSerializer();
        silo.Services.AddTotalGrainServices(configuration, connectionString);
        return silo;
    }

    /// <summary>Cluster mode: the API finds silos through the PostgreSQL membership table.</summary>
    public static IClientBuilder AddTotalClient(this IClientBuilder client, IConfiguration configuration)
    {
        var options = HostingOptions(configuration);
        var connectionString = TotalModes.ConnectionString(configuration)
            ?? throw new InvalidOperationException("Cluster mode needs ConnectionStrings:Total.");
        client.Configure<ClusterOptions>(cluster =>
        {
            cluster.ClusterId = options.ClusterId;
            cluster.ServiceId = options.ServiceId;
        });
        client.Configure<ClientMessagingOptions>(configuration.GetSection(MessagingSection));
        if (TelemetryHosting.IsExporting(configuration))
        {
            client.AddActivityPropagation();
        }

        if (DashboardHosting.Options(configuration).Enabled)
        {
            client.AddDashboard();
        }

        client.UseAdoNetClustering(o =>
        {
            o.Invariant = PostgresInvariant;
            o.ConnectionString = connectionString;
        });
        return client;
    }

    /// <summary>
    /// The <c>Orleans</c> section, read while the silo or client is composed (its ports and ids go into Orleans'
    /// own options then), and checked on the spot.
    /// </summary>
    private static OrleansHostingOptions HostingOptions(IConfiguration configuration) =>
        configuration.GetValidated(OrleansHostingOptions.Section, new OrleansHostingOptionsValidator(), new OrleansHostingOptionsRulesValidator());

    public const string MembershipSection = "Orleans:Membership";
    public const string MessagingSection = "Orleans:Messaging";

    /// <summary>The ADO.NET invariant name the Orleans providers load Npgsql by.</summary>
    public const string PostgresInvariant = "Npgsql";
}
