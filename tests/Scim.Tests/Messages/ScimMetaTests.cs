using Total.Scim.Messages;
using Total.Scim.Schema;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Messages;

public class ScimMetaTests
{
    [Fact]
    public void Meta_has_resource_type_instants_location_and_weak_version()
    {
        var created = new DateTimeOffset(2026, 11, 1, 8, 0, 0, TimeSpan.Zero);
        var modified = new DateTimeOffset(2026, 11, 2, 12, 30, 0, TimeSpan.FromHours(2));

        var meta = ScimMeta.Create(ScimResourceSchema.User, "https://api.vendor.example/scim/v2/", "u-7f3a", created, modified, 3);

        AssertJsonEqual("""
            {"resourceType":"User","created":"2026-11-01T08:00:00Z","lastModified":"2026-11-02T10:30:00Z",
             "location":"https://api.vendor.example/scim/v2/Users/u-7f3a","version":"W/\"3\""}
            """, meta);
    }
}
