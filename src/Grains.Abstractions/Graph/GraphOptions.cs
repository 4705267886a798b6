using System.ComponentModel.DataAnnotations;
using Total.Scim;

namespace Total.Grains.Abstractions.Graph;

/// <summary>
/// The <c>Graph</c> configuration section: where and how the product reads group membership from Microsoft
/// Graph with each customer's own app registration (env <c>Graph__BaseUrl</c> and so on). The defaults are the
/// global Microsoft cloud; when the local Entra stand-in runs (Development only) the API points
/// <see cref="BaseUrl"/> and <see cref="AuthorityHost"/> at the stand-in, whatever is configured.
/// </summary>
public sealed class GraphOptions
{
    public const string Section = "Graph";

    /// <summary>The named <see cref="System.Net.Http.HttpClient"/> for Graph and token requests; hosts may give it another primary handler.</summary>
    public const string HttpClientName = "Total.Graph";

    /// <summary>
    /// Graph's v1.0 service root (default <c>https://graph.microsoft.com/v1.0</c>; national clouds have their own,
    /// e.g. <c>https://graph.microsoft.us/v1.0</c>). HTTPS only. Access tokens are sent to this host only.
    /// </summary>
    public string BaseUrl { get; set; } = "https://graph.microsoft.com/v1.0";

    /// <summary>
    /// The Entra authority host that issues the app-only tokens (default <c>https://login.microsoftonline.com/</c>;
    /// e.g. <c>https://login.microsoftonline.us/</c> for US Government). Tokens are requested from
    /// <c>{AuthorityHost}{customer tenant id}/oauth2/v2.0/token</c>. Hosts other than Microsoft's skip MSAL's
    /// instance discovery, which only Microsoft's hosts answer.
    /// </summary>
    public string AuthorityHost { get; set; } = "https://login.microsoftonline.com/";

    /// <summary>The scope of the client-credentials token request (default <c>https://graph.microsoft.com/.default</c>: every application permission the tenant granted).</summary>
    [Required(AllowEmptyStrings = false, ErrorMessage = $"{Section}:{nameof(Scope)} must not be empty; use https://graph.microsoft.com/.default.")]
    public string Scope { get; set; } = "https://graph.microsoft.com/.default";

    /// <summary>How long one HTTP attempt (Graph or token endpoint) may take before it counts as Graph unavailable (default 30 s).</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00.001", "01:00:00", ErrorMessage = $"{Section}:{nameof(RequestTimeout)} must be positive and at most 01:00:00, e.g. 00:00:30.")]
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Retries of one Graph request answered 429, 503 or 504, and of a token request that failed transiently
    /// (default 3, at most 10). Each retry waits what <c>Retry-After</c> says, or <see cref="RetryDelay"/> doubled
    /// per attempt when it says nothing. Beyond this the read fails (Throttled for 429, Unavailable otherwise).
    /// </summary>
    [SettingRange(0, 10, ErrorMessage = $"{Section}:{nameof(MaxRetries)} must be 0 to 10, e.g. 3.")]
    public int MaxRetries { get; set; } = 3;

    /// <summary>
    /// The longest <c>Retry-After</c> the reader waits out (default 10 s). A longer one fails the read at once with
    /// <c>GraphFailure.Throttled</c> (or Unavailable for 503) rather than holding a grain for minutes; the
    /// next scheduled read tries again.
    /// </summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "01:00:00", ErrorMessage = $"{Section}:{nameof(MaxRetryAfter)} must be 00:00:00 to 01:00:00, e.g. 00:00:10.")]
    public TimeSpan MaxRetryAfter { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>The first back-off when a 503/504 carries no <c>Retry-After</c>, doubled per retry; whole seconds, up to 180 (default 2 s).</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "00:03:00", ErrorMessage = $"{Section}:{nameof(RetryDelay)} must be 0 to 180 seconds, e.g. 00:00:02.")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(2);

    /// <summary><c>$top</c> of member listings (<c>/groups/{id}/members</c>) after an expired delta link: 1 to 999, Graph's maximum (default 999).</summary>
    [SettingRange(1, 999, ErrorMessage = $"{Section}:{nameof(MembersPageSize)} must be 1 to 999, e.g. 999.")]
    public int MembersPageSize { get; set; } = 999;

    /// <summary>
    /// Sent as <c>Prefer: odata.maxpagesize</c> on delta queries when above 0 (default 0: Graph chooses). A hint:
    /// Graph may return fewer objects per page, never more.
    /// </summary>
    [SettingRange(0, int.MaxValue, ErrorMessage = $"{Section}:{nameof(DeltaMaxPageSize)} must not be negative (0: let Graph choose), e.g. 0.")]
    public int DeltaMaxPageSize { get; set; }
}
