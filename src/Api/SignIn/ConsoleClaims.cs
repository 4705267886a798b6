namespace Total.Api.SignIn;

/// <summary>The claims of a console session (our own cookie, issued after the Entra token was checked).</summary>
public static class ConsoleClaims
{
    public const string TenantId = "total:tenant";
    public const string ObjectId = "total:oid";
    public const string UserId = "total:user";
    public const string Name = "name";

    /// <summary>A random id per session: what a sign-out records as ended (<c>IEndedSessionsGrain</c>), and the metrics' key.</summary>
    public const string SessionId = "total:sid";

    /// <summary>When the session began (Unix milliseconds): the absolute lifetime counts from here, however active it is.</summary>
    public const string StartedAt = "total:started";

    /// <summary>The user's access revision the session was granted under; any later change ends the session.</summary>
    public const string AccessRevision = "total:access";
}
