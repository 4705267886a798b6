namespace Total.Api;

/// <summary>Entry point: <c>dotnet run --project src/Api</c> (serve) or <c>... -- migrate</c> (apply database migrations and exit).</summary>
public static class Program
{
    public static async Task<int> Main(string[] args)
    {
        var builder = TotalApi.CreateBuilder(args);
        using (var loggerFactory = LoggerFactory.Create(logging => logging.AddConfiguration(builder.Configuration.GetSection("Logging")).AddSimpleConsole()))
        {
            if (await Hosting.Database.SchemaMigrationHosting.RunMigrateCommandAsync(args, builder.Configuration, loggerFactory) is { } exitCode)
            {
                return exitCode;
            }
        }

        var app = TotalApi.Build(builder);
        await app.RunAsync();
        return 0;
    }
}
