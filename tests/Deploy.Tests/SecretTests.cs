using System.Text.RegularExpressions;
using k8s;
using k8s.Models;
using Total.Deploy.Tests.Infrastructure;

namespace Total.Deploy.Tests;

/// <summary>
/// Secrets are referenced, never contained: SREs create <c>total-secrets</c> themselves (deploy/README.md),
/// and nothing in the repository holds a value that could be used.
/// </summary>
public sealed partial class SecretTests
{
    private static readonly string ExampleFile = Path.Combine(Repository.Kubernetes, "secret.example.yaml");

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task No_kustomization_renders_a_secret(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.Empty(rendered.Objects.OfType<V1Secret>());
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Sensitive_settings_come_only_from_secret_key_refs(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);
        var containers = rendered.PodTemplates.SelectMany(p => p.Template.Spec.Containers).ToList();

        Assert.All(containers.SelectMany(c => c.Env ?? []).Where(e => Sensitive(e.Name)), e =>
        {
            Assert.Null(e.Value);
            Assert.Equal("total-secrets", e.ValueFrom?.SecretKeyRef?.Name);
        });
        Assert.All(containers.SelectMany(c => c.EnvFrom ?? []), e => Assert.Null(e.SecretRef));
        Assert.All(rendered.Objects.OfType<V1ConfigMap>().SelectMany(c => c.Data), setting =>
        {
            Assert.False(Sensitive(setting.Key), $"{setting.Key} belongs in the Secret");
            Assert.DoesNotContain("password", setting.Value, StringComparison.OrdinalIgnoreCase);
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Every_required_secret_key_is_one_the_example_documents(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);
        var documented = LoadExample().StringData.Keys;

        var required = SecretKeyRefs(rendered).Where(r => r.Optional != true).Select(r => r.Key);
        Assert.All(required, key => Assert.Contains(key, documented));
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task The_previous_encryption_key_is_optional_so_pods_start_without_a_rotation(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(SecretKeyRefs(rendered).Where(r => r.Key == "previous-encryption-key"), r => Assert.True(r.Optional));
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task Api_and_silos_read_the_shared_app_secret_optionally_so_pods_start_without_it(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(["total-api", "total-silo"], name =>
        {
            var secret = rendered.Deployment(name).Spec.Template.Spec.Containers.Single().Env("AzureAd__ClientSecret").ValueFrom?.SecretKeyRef;
            Assert.Equal(("total-secrets", "azuread-client-secret", true), (secret?.Name, secret?.Key, secret?.Optional));
        });
    }

    [Fact]
    public void The_example_secret_holds_placeholders_not_values()
    {
        var example = LoadExample();

        Assert.Equal("total-secrets", example.Metadata.Name);
        Assert.Null(example.Data);
        Assert.Equal(["connection-string", "encryption-key", "operator-api-key"], example.StringData.Keys.Order(StringComparer.Ordinal));
        Assert.All(example.StringData.Values, value => Assert.Matches(Placeholder(), value));
        Assert.DoesNotMatch(@"Password=[^.;<>]", example.StringData["connection-string"]);
    }

    [Fact]
    public void A_filled_in_secret_is_ignored_by_git()
    {
        var ignored = File.ReadAllLines(Path.Combine(Repository.Root, ".gitignore"));

        Assert.Contains("deploy/kubernetes/**/secret.yaml", ignored);
    }

    private static IEnumerable<V1SecretKeySelector> SecretKeyRefs(Rendered rendered) =>
        rendered.PodTemplates.SelectMany(p => p.Template.Spec.Containers).SelectMany(c => c.Env ?? [])
            .Select(e => e.ValueFrom?.SecretKeyRef).OfType<V1SecretKeySelector>();

    private static V1Secret LoadExample() =>
        Assert.IsType<V1Secret>(Assert.Single(KubernetesYaml.LoadAllFromString(File.ReadAllText(ExampleFile), null, strict: true)));

    private static bool Sensitive(string name) =>
        name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Key", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Secret", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Token", StringComparison.OrdinalIgnoreCase);

    /// <summary>Angle brackets around an instruction: unusable as a connection string, key or token.</summary>
    [GeneratedRegex("^<[^<>]+>$")]
    private static partial Regex Placeholder();
}
