using Total.Scim.Schema;

namespace Total.Scim.Tests.Schema;

public class ScimResourceSchemaTests
{
    [Theory]
    [InlineData("userName")]
    [InlineData("USERNAME")]
    [InlineData("username")]
    public void Attribute_lookup_ignores_case(string name)
    {
        var attribute = ScimSchemaDefinition.User.FindAttribute(name);

        Assert.Equal("userName", attribute?.Name);
    }

    [Fact]
    public void User_schema_has_the_full_rfc_core_attribute_set()
    {
        string[] expected =
        [
            "userName", "name", "displayName", "nickName", "profileUrl", "title", "userType", "preferredLanguage",
            "locale", "timezone", "active", "password", "emails", "phoneNumbers", "ims", "photos", "addresses",
            "groups", "entitlements", "roles", "x509Certificates",
        ];

        Assert.Equal(expected, ScimSchemaDefinition.User.Attributes.Select(a => a.Name));
    }

    [Fact]
    public void Password_is_write_only_and_never_returned()
    {
        var password = ScimSchemaDefinition.User.FindAttribute("password")!;

        Assert.Equal(ScimMutability.WriteOnly, password.Mutability);
        Assert.Equal(ScimReturned.Never, password.Returned);
    }

    [Fact]
    public void Groups_attribute_is_read_only()
    {
        Assert.Equal(ScimMutability.ReadOnly, ScimSchemaDefinition.User.FindAttribute("groups")!.Mutability);
    }

    [Fact]
    public void Enterprise_manager_has_value_ref_and_display_name()
    {
        var manager = ScimSchemaDefinition.EnterpriseUser.FindAttribute("manager")!;

        Assert.Equal(["value", "$ref", "displayName"], manager.SubAttributes.Select(a => a.Name));
    }

    [Fact]
    public void Group_members_have_value_ref_display_and_type()
    {
        var members = ScimSchemaDefinition.Group.FindAttribute("members")!;

        Assert.True(members.MultiValued);
        Assert.Equal(["value", "$ref", "display", "type"], members.SubAttributes.Select(a => a.Name));
    }

    [Theory]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:manager.value")]
    [InlineData("URN:IETF:PARAMS:SCIM:SCHEMAS:EXTENSION:ENTERPRISE:2.0:USER:DEPARTMENT", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")]
    [InlineData("urn:ietf:params:scim:schemas:extension:enterprise:2.0:User.department", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")]
    [InlineData("department", "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:department")]
    [InlineData("urn:ietf:params:scim:schemas:core:2.0:User:name.givenName", "name.givenName")]
    [InlineData("NAME.GIVENNAME", "name.givenName")]
    [InlineData("meta.lastModified", "meta.lastModified")]
    [InlineData("ID", "id")]
    public void Resolve_maps_paths_to_canonical_form(string path, string canonical)
    {
        var resolved = ScimResourceSchema.User.Resolve(path)!;

        Assert.True(resolved.IsKnown);
        Assert.Equal(canonical, resolved.CanonicalPath);
    }

    [Fact]
    public void Resolve_recognises_an_extension_urn_as_the_whole_extension()
    {
        var resolved = ScimResourceSchema.User.Resolve(ScimSchemas.EnterpriseUser)!;

        Assert.True(resolved.IsExtensionRoot);
    }

    [Theory]
    [InlineData("favouriteColour")]
    [InlineData("name.nickname")]
    [InlineData("urn:ietf:params:scim:schemas:extension:CustomExt:2.0:User:badge")]
    public void Resolve_marks_unknown_attributes(string path)
    {
        var resolved = ScimResourceSchema.User.Resolve(path)!;

        Assert.False(resolved.IsKnown);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1abc")]
    [InlineData("a.b.c")]
    [InlineData("urn:")]
    [InlineData("name.")]
    public void Attribute_path_parse_rejects_malformed_paths(string text)
    {
        Assert.False(ScimAttributePath.TryParse(text, out _));
    }

    [Fact]
    public void Each_resource_type_is_found_by_its_name_and_names_its_unique_attribute()
    {
        Assert.Same(ScimResourceSchema.User, ScimResourceSchema.Named("User"));
        Assert.Same(ScimResourceSchema.Group, ScimResourceSchema.Named("Group"));
        Assert.Equal(("userName", "displayName"), (ScimResourceSchema.User.UniqueAttribute, ScimResourceSchema.Group.UniqueAttribute));
        Assert.Throws<ArgumentException>(() => ScimResourceSchema.Named("user"));
    }
}
