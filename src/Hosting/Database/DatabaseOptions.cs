namespace Total.Hosting.Database;

/// <summary>The <c>Database</c> configuration section.</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    /// <summary>Apply migrations on start (default). Production turns it off and runs the migration Job instead.</summary>
    public bool ApplyMigrationsOnStart { get; set; } = true;
}
