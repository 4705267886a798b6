namespace Total.DevStandIns.Entra;

/// <summary>
/// The <c>SignIn:StandIn</c> configuration section: the local OpenID Connect provider shaped like Microsoft
/// Entra ID v2.0. It runs only when <see cref="Enabled"/> is set AND the host environment is Development.
/// </summary>
public sealed class EntraStandInOptions
{
    public const string Section = "SignIn:StandIn";

    /// <summary>Turns the stand-in on (env <c>SignIn__StandIn__Enabled</c>); ignored, with a warning, outside Development.</summary>
    public bool Enabled { get; set; }

    /// <summary>The HTTPS port on 127.0.0.1 that serves discovery, keys and tokens; 0 takes any free port (tests).</summary>
    public int HttpsPort { get; set; } = 5443;
}
