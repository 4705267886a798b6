using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Testing;
using Microsoft.Extensions.Time.Testing;
using Total.Api.Scim;

namespace Total.Api.Tests.Scim;

/// <summary>A flood of wrong SCIM tokens yields a line a minute per tenant, with the count in between.</summary>
public sealed class RefusedTokenLogTests
{
    private readonly FakeLogger<RefusedTokenLog> _logger = new();
    private readonly FakeTimeProvider _time = new();

    [Fact]
    public void Refusals_within_a_minute_are_counted_into_the_next_line_instead_of_logged()
    {
        var log = new RefusedTokenLog(_logger, _time);

        for (var i = 0; i < 500; i++)
        {
            log.Refused("contoso");
        }

        _time.Advance(RefusedTokenLog.Window);
        log.Refused("contoso");

        var lines = Warnings();
        Assert.Equal(2, lines.Count);
        Assert.Equal("0", lines[0].StructuredState!.Single(p => p.Key == "Unlogged").Value);
        Assert.Equal("499", lines[1].StructuredState!.Single(p => p.Key == "Unlogged").Value);
    }

    [Fact]
    public void Each_tenant_gets_its_own_line()
    {
        var log = new RefusedTokenLog(_logger, _time);

        log.Refused("contoso");
        log.Refused("fabrikam");
        log.Refused("contoso");

        Assert.Equal(["contoso", "fabrikam"], Warnings().Select(l => l.StructuredState!.Single(p => p.Key == "TenantId").Value));
    }

    [Fact]
    public void Made_up_tenant_ids_beyond_the_tracked_limit_share_one_line()
    {
        var log = new RefusedTokenLog(_logger, _time);

        for (var i = 0; i < RefusedTokenLog.MaxTracked + 5_000; i++)
        {
            log.Refused($"made-up-{i}");
        }

        var lines = Warnings();
        Assert.Equal(RefusedTokenLog.MaxTracked + 1, lines.Count);
        Assert.Equal(RefusedTokenLog.OtherTenants, lines[^1].StructuredState!.Single(p => p.Key == "TenantId").Value);
    }

    [Fact]
    public void Quiet_tenants_are_forgotten_to_make_room()
    {
        var log = new RefusedTokenLog(_logger, _time);
        for (var i = 0; i < RefusedTokenLog.MaxTracked; i++)
        {
            log.Refused($"made-up-{i}");
        }

        _time.Advance(RefusedTokenLog.Window);
        log.Refused("contoso");

        Assert.Equal("contoso", Warnings()[^1].StructuredState!.Single(p => p.Key == "TenantId").Value);
    }

    private List<FakeLogRecord> Warnings() => [.. _logger.Collector.GetSnapshot().Where(r => r.Level == LogLevel.Warning)];
}
