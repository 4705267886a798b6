using k8s.Models;
using Total.Deploy.Tests.Infrastructure;

namespace Total.Deploy.Tests;

/// <summary>
/// Every pod meets the Kubernetes "restricted" Pod Security Standard and asks the scheduler for what it needs.
/// </summary>
public sealed class PodSecurityTests
{
    /// <summary>The non-root "app" user of the mcr.microsoft.com/dotnet images (APP_UID); deploy/docker runs as it.</summary>
    private const long DotnetImageAppUser = 1654;

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Every_container_runs_as_the_non_root_app_user(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(Containers(rendered), c =>
        {
            Assert.True(c.Container.SecurityContext?.RunAsNonRoot ?? c.Pod.SecurityContext?.RunAsNonRoot, $"{c.Owner}: runAsNonRoot");
            Assert.Equal(DotnetImageAppUser, c.Container.SecurityContext?.RunAsUser ?? c.Pod.SecurityContext?.RunAsUser);
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Every_container_is_locked_down(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(Containers(rendered), c =>
        {
            var security = c.Container.SecurityContext;
            Assert.False(security?.AllowPrivilegeEscalation ?? true, $"{c.Owner}: allowPrivilegeEscalation");
            Assert.True(security?.ReadOnlyRootFilesystem, $"{c.Owner}: readOnlyRootFilesystem");
            Assert.Equal(["ALL"], security?.Capabilities?.Drop ?? []);
            Assert.Null(security?.Capabilities?.Add);
            Assert.Null(security?.Privileged);
            Assert.Equal("RuntimeDefault", (security?.SeccompProfile ?? c.Pod.SecurityContext?.SeccompProfile)?.Type);
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Every_container_has_a_writable_tmp_and_nothing_else_writable(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(Containers(rendered), c =>
        {
            var mount = Assert.Single(c.Container.VolumeMounts ?? []);
            Assert.Equal("/tmp", mount.MountPath);
            Assert.NotNull(c.Pod.Volumes.Single(v => v.Name == mount.Name).EmptyDir);
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task Every_container_requests_cpu_and_memory_and_limits_memory(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(Containers(rendered), c =>
        {
            Assert.True(c.Container.Resources?.Requests?.ContainsKey("cpu"), $"{c.Owner}: cpu request");
            Assert.True(c.Container.Resources?.Requests?.ContainsKey("memory"), $"{c.Owner}: memory request");
            Assert.True(c.Container.Resources?.Limits?.ContainsKey("memory"), $"{c.Owner}: memory limit");
            Assert.True(
                c.Container.Resources!.Limits!["memory"].ToDecimal() >= c.Container.Resources.Requests!["memory"].ToDecimal(),
                $"{c.Owner}: memory limit below its request");
        });
    }

    [Theory]
    [MemberData(nameof(Kustomizations.AllData), MemberType = typeof(Kustomizations))]
    public async Task No_pod_gets_a_service_account_token_or_host_access(string path)
    {
        var rendered = await Kustomizations.RenderAsync(path);

        Assert.All(rendered.PodTemplates, p =>
        {
            var pod = p.Template.Spec;
            Assert.False(pod.AutomountServiceAccountToken ?? true, $"{p.Owner}: automountServiceAccountToken");
            var account = rendered.Objects.OfType<V1ServiceAccount>().Single(a => a.Metadata.Name == pod.ServiceAccountName);
            Assert.False(account.AutomountServiceAccountToken ?? true, $"ServiceAccount/{account.Metadata.Name}: automountServiceAccountToken");
            Assert.Null(pod.HostNetwork);
            Assert.Null(pod.HostPID);
            Assert.Null(pod.HostIPC);
        });
    }

    private static IEnumerable<(string Owner, V1PodSpec Pod, V1Container Container)> Containers(Rendered rendered) =>
        rendered.PodTemplates.SelectMany(p => (p.Template.Spec.InitContainers ?? []).Concat(p.Template.Spec.Containers)
            .Select(c => ($"{p.Owner}/{c.Name}", p.Template.Spec, c)));
}
