namespace Total.Scim.Schema;

/// <summary>The schema and message URNs of RFC 7643/7644 used by this server.</summary>
public static class ScimSchemas
{
    /// <summary>Core User schema.</summary>
    public const string User = "urn:ietf:params:scim:schemas:core:2.0:User";

    /// <summary>Enterprise User extension schema.</summary>
    public const string EnterpriseUser = "urn:ietf:params:scim:schemas:extension:enterprise:2.0:User";

    /// <summary>Core Group schema.</summary>
    public const string Group = "urn:ietf:params:scim:schemas:core:2.0:Group";

    /// <summary>List response message.</summary>
    public const string ListResponse = "urn:ietf:params:scim:api:messages:2.0:ListResponse";

    /// <summary>PATCH request message.</summary>
    public const string PatchOp = "urn:ietf:params:scim:api:messages:2.0:PatchOp";

    /// <summary><c>POST /.search</c> request message.</summary>
    public const string SearchRequest = "urn:ietf:params:scim:api:messages:2.0:SearchRequest";

    /// <summary>Error response message.</summary>
    public const string Error = "urn:ietf:params:scim:api:messages:2.0:Error";

    /// <summary>Service provider configuration schema.</summary>
    public const string ServiceProviderConfig = "urn:ietf:params:scim:schemas:core:2.0:ServiceProviderConfig";

    /// <summary>Resource type schema.</summary>
    public const string ResourceType = "urn:ietf:params:scim:schemas:core:2.0:ResourceType";

    /// <summary>Schema-of-schemas.</summary>
    public const string Schema = "urn:ietf:params:scim:schemas:core:2.0:Schema";
}
