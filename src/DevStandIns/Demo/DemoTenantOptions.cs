namespace Total.DevStandIns.Demo;

/// <summary>The <c>Demo</c> section: a seeded tenant for trying the console locally (Development + embedded mode only).</summary>
public sealed class DemoTenantOptions
{
    public const string Section = "Demo";

    /// <summary>Seeds the demo tenant at start; ignored outside Development or with a database.</summary>
    public bool Enabled { get; set; }
}
