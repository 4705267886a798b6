namespace Total.Api.SignIn;

/// <summary>The claims of a console session (our own cookie, issued after the Entra token was checked).</summary>
public static class ConsoleClaims
{
    public const string TenantId = "total:tenant";
    public const string ObjectId = "total:oid";
    public const string UserId = "total:user";
    public const string Name = "name";

    /// <summary>A random id per session, for metrics only (never for access).</summary>
    public const string SessionId = "total:sid";

    /// <summary>The user's access revision the session was granted under; any later change ends the session.</summary>
    public const string AccessRevision = "total:access";
}
