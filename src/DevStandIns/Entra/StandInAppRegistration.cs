namespace Total.DevStandIns.Entra;

/// <summary>
/// A customer's app registration as the stand-in knows it in one Entra tenant.
/// </summary>
/// <param name="ClientId">The application (client) id.</param>
/// <param name="Secret">The client secret the token endpoint demands; null accepts any non-empty secret.</param>
/// <param name="ConsentGranted">
/// Whether an admin granted consent to GroupMember.Read.All: app-only tokens carry that role only when true.
/// </param>
public sealed record StandInAppRegistration(string ClientId, string? Secret, bool ConsentGranted)
{
    // Never print the secret (records print every property by default).
    public override string ToString() => $"StandInAppRegistration {{ ClientId = {ClientId}, ConsentGranted = {ConsentGranted} }}";
}
