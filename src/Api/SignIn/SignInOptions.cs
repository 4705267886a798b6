namespace Total.Api.SignIn;

/// <summary>The <c>SignIn</c> configuration section.</summary>
public sealed class SignInOptions
{
    public const string Section = "SignIn";

    /// <summary>The Entra instance; authorities are <c>{Instance}{entra tenant id}/v2.0</c>. The local stand-in replaces it in Development.</summary>
    public Uri Instance { get; set; } = new("https://login.microsoftonline.com/");

    /// <summary>How long a console session lasts without activity.</summary>
    public TimeSpan SessionIdleTimeout { get; set; } = TimeSpan.FromHours(8);

    /// <summary>How long a console session lasts at most, active or not: then the admin signs in again.</summary>
    public TimeSpan AbsoluteSessionLifetime { get; set; } = TimeSpan.FromHours(12);
}
