using Microsoft.Playwright;
using Total.Api.Tests.Infrastructure;
using Total.Api.Tests.SignIn;

namespace Total.Api.Tests.Browser;

/// <summary>
/// Debian's Chromium driven by Playwright against a Development server with the Entra stand-in and the seeded
/// demo tenant. Without Chromium the tests skip locally and fail under CI=true (.ci/run installs it).
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private IPlaywright? _playwright;

    public TotalServer Server { get; private set; } = null!;

    public IBrowser Browser { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        if (!File.Exists(ChromiumPath))
        {
            return;
        }

        var settings = StandInServerFixture.Settings("Development");
        settings["Demo:Enabled"] = "true";
        settings["Logging:LogLevel:Total.DevStandIns.Demo.DemoTenantSeeder"] = "Error";
        Server = await TotalServer.StartApiAsync(settings);
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = ChromiumPath,
            Headless = true,

            // As root in a container, and on a machine with no outside network: keep Chromium from phoning home.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"],
        });
    }

    /// <summary>Skips (locally) or fails (CI) when Chromium is not installed.</summary>
    public static void RequireChromium()
    {
        if (File.Exists(ChromiumPath))
        {
            return;
        }

        CiRequirement.Missing(
            $"{ChromiumPath} is missing under CI=true: browser tests must run in CI. .ci/run installs Debian's chromium.",
            $"{ChromiumPath} is not installed (apt-get install chromium); browser tests skipped.");
    }

    public async Task<IPage> NewPageAsync()
    {
        var context = await Browser.NewContextAsync(new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 1100, Height = 800 } });
        return await context.NewPageAsync();
    }

    /// <summary>
    /// Takes a screenshot of the page. With <c>TOTAL_UPDATE_SCREENSHOTS=1</c> it refreshes the docs
    /// (<c>docs/screenshots/{name}.png</c>); otherwise it goes to the test output, so a test run leaves the tree clean.
    /// </summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var updateDocs = Environment.GetEnvironmentVariable("TOTAL_UPDATE_SCREENSHOTS") == "1";
        var directory = updateDocs ? Path.Combine(RepositoryRoot(), "docs", "screenshots") : Path.Combine(AppContext.BaseDirectory, "screenshots");
        Directory.CreateDirectory(directory);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(directory, name + ".png"), FullPage = true });
    }

    public async ValueTask DisposeAsync()
    {
        if (_playwright is not null)
        {
            await Browser.DisposeAsync();
            _playwright.Dispose();
        }

        if (Server is not null)
        {
            await Server.DisposeAsync();
        }
    }

    private static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Total.sln")))
            {
                return directory.FullName;
            }
        }

        throw new InvalidOperationException("Total.sln not found above the test binaries.");
    }
}
