using Total.Grains.Directory.Storage;
using Total.Scim.Schema;

namespace Total.Grains.Tests.Directory;

/// <summary>The stored kind and the SCIM resource type map one to one, both ways.</summary>
public sealed class ScimResourceTypesTests
{
    [Theory]
    [InlineData(ScimResourceType.User, "User")]
    [InlineData(ScimResourceType.Group, "Group")]
    public void A_stored_kind_and_its_resource_type_map_both_ways(ScimResourceType type, string name)
    {
        Assert.Equal(name, type.Schema().Name);
        Assert.Equal(type, ScimResourceTypes.Of(ScimResourceSchema.Named(name)));
    }
}
