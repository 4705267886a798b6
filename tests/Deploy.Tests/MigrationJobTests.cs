using Total.Deploy.Tests.Infrastructure;

namespace Total.Deploy.Tests;

/// <summary>The Job that brings the schema up to date before a release rolls out.</summary>
public sealed class MigrationJobTests
{
    public static TheoryData<string> MigrationOverlays => [.. Kustomizations.Overlays.Where(p => p.EndsWith("/migration", StringComparison.Ordinal))];

    [Theory]
    [MemberData(nameof(MigrationOverlays))]
    public async Task The_job_runs_migrate_from_the_silo_host_once_per_attempt(string path)
    {
        var job = Assert.Single((await Kustomizations.RenderAsync(path)).Jobs);
        var container = Assert.Single(job.Spec.Template.Spec.Containers);

        Assert.Equal(["dotnet", "Total.Silo.dll", "migrate"], [.. container.Command ?? [], .. container.Args ?? []]);
        Assert.NotNull(container.Env("ConnectionStrings__Total").ValueFrom?.SecretKeyRef);
        Assert.Equal("Never", job.Spec.Template.Spec.RestartPolicy);
        Assert.NotNull(job.Spec.ActiveDeadlineSeconds);
    }

    [Theory]
    [MemberData(nameof(MigrationOverlays))]
    public async Task The_job_migrates_with_the_image_the_silos_are_about_to_run(string path)
    {
        var job = Assert.Single((await Kustomizations.RenderAsync(path)).Jobs);
        var application = await Kustomizations.RenderAsync(path[..path.LastIndexOf('/')]);

        Assert.Equal(
            application.Deployment("total-silo").Spec.Template.Spec.Containers.Single().Image,
            job.Spec.Template.Spec.Containers.Single().Image);
        Assert.Equal(application.Deployment("total-silo").Metadata.NamespaceProperty, job.Metadata.NamespaceProperty);
    }

    [Theory]
    [MemberData(nameof(Kustomizations.ApplicationOverlayData), MemberType = typeof(Kustomizations))]
    public async Task The_application_overlays_do_not_contain_the_job(string path)
    {
        // A Job's pod template is immutable: inside the application it would break every `kubectl apply -k` of a new release.
        Assert.Empty((await Kustomizations.RenderAsync(path)).Jobs);
    }
}
