using Total.Scim;

namespace Total.Api.SignIn;

/// <summary>The <c>SignIn</c> configuration section.</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    /// <summary>The Entra instance; authorities are <c>{Instance}{entra tenant id}/v2.0</c>. The local stand-in replaces it in Development.</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>How long a console session lasts without activity.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "30.00:00:00", MinimumIsExclusive = true, ErrorMessage = $"{Section}:{nameof(SessionIdleTimeout)} must be positive and at most 30 days, e.g. 08:00:00.")]
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a console session lasts at most, active or not: then the admin signs in again.</summary>
    [SettingRange(typeof(TimeSpan), "00:00:00", "30.00:00:00", MinimumIsExclusive = true, ErrorMessage = $"{Section}:{nameof(AbsoluteSessionLifetime)} must be positive and at most 30 days, e.g. 12:00:00.")]
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
