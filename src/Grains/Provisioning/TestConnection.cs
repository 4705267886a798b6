using System.Text.RegularExpressions;
using Total.Grains.Abstractions.Provisioning;

namespace Total.Grains.Provisioning;

/// <summary>
/// Recognises Entra's Test Connection: a user look-up on the matching attribute with a random GUID as the value,
/// answered 200 (Microsoft Learn, "Develop and plan provisioning for a SCIM endpoint": test connection).
/// </summary>
public static partial class TestConnection
{
    public static bool IsProbe(ProvisioningCall call) =>
        call.Method == "GET" && call.Status == 200 && call.Target.StartsWith("Users?", StringComparison.Ordinal) && GuidLookup().IsMatch(call.Target);

    [GeneratedRegex("filter=(userName|externalId) eq \"?[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\"?", RegexOptions.IgnoreCase)]
    private static partial Regex GuidLookup();
}
