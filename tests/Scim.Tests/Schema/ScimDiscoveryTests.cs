using System.Text.Json.Nodes;
using Total.Scim.Schema;
using static Total.Scim.Tests.TestJson;

namespace Total.Scim.Tests.Schema;

public class ScimDiscoveryTests
{
    private const string Base = "https://api.vendor.example/scim/v2/";

    [Fact]
    public void Service_provider_config_advertises_capabilities()
    {
        var config = ScimDiscovery.ServiceProviderConfig(Base, ScimServiceProviderCapabilities.Default);

        AssertJsonEqual("""{"supported":true}""", config["patch"]);
        AssertJsonEqual("""{"supported":false,"maxOperations":0,"maxPayloadSize":0}""", config["bulk"]);
        AssertJsonEqual("""{"supported":true,"maxResults":1000}""", config["filter"]);
        AssertJsonEqual("""{"supported":false}""", config["changePassword"]);
        AssertJsonEqual("""{"supported":true}""", config["sort"]);
        AssertJsonEqual("""{"supported":true}""", config["etag"]);
        Assert.Equal("oauthbearertoken", config["authenticationSchemes"]![0]!["type"]!.GetValue<string>());
        Assert.Equal("https://api.vendor.example/scim/v2/ServiceProviderConfig", config["meta"]!["location"]!.GetValue<string>());
    }

    [Fact]
    public void Resource_types_list_user_with_enterprise_extension_and_group()
    {
        var list = ScimDiscovery.ResourceTypeList(Base);

        Assert.Equal(2, list["totalResults"]!.GetValue<int>());
        var user = list["Resources"]![0]!;
        Assert.Equal("/Users", user["endpoint"]!.GetValue<string>());
        AssertJsonEqual("""[{"schema":"urn:ietf:params:scim:schemas:extension:enterprise:2.0:User","required":false}]""", user["schemaExtensions"]);
        Assert.Equal("/Groups", list["Resources"]![1]!["endpoint"]!.GetValue<string>());
        Assert.False(list["Resources"]![1]!.AsObject().ContainsKey("schemaExtensions"));
    }

    [Fact]
    public void Schemas_list_contains_user_enterprise_and_group()
    {
        var list = ScimDiscovery.SchemaList(Base);

        var ids = list["Resources"]!.AsArray().Select(s => s!["id"]!.GetValue<string>());
        Assert.Equal([ScimSchemas.User, ScimSchemas.EnterpriseUser, ScimSchemas.Group], ids);
    }

    [Fact]
    public void Schema_attributes_use_rfc_keywords()
    {
        var user = ScimDiscovery.Schema(Base, ScimSchemaDefinition.User);

        var password = user["attributes"]!.AsArray().Single(a => a!["name"]!.GetValue<string>() == "password")!;
        Assert.Equal("writeOnly", password["mutability"]!.GetValue<string>());
        Assert.Equal("never", password["returned"]!.GetValue<string>());
        var userName = user["attributes"]![0]!;
        Assert.Equal("server", userName["uniqueness"]!.GetValue<string>());
        Assert.True(userName["required"]!.GetValue<bool>());
        Assert.False(userName["caseExact"]!.GetValue<bool>());
    }

    [Fact]
    public void Discovery_documents_contain_no_nulls()
    {
        var documents = new JsonNode[]
        {
            ScimDiscovery.ServiceProviderConfig(Base, ScimServiceProviderCapabilities.Default),
            ScimDiscovery.ResourceTypeList(Base),
            ScimDiscovery.SchemaList(Base),
        };

        foreach (var document in documents)
        {
            Assert.DoesNotContain("null", document.ToJsonString(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Schema_lookup_ignores_case()
    {
        Assert.Same(ScimSchemaDefinition.EnterpriseUser, ScimDiscovery.FindSchema(ScimSchemas.EnterpriseUser.ToUpperInvariant()));
    }
}
