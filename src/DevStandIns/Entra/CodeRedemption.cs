namespace Total.DevStandIns.Entra;

/// <summary>What redeeming an authorization code found.</summary>
internal enum CodeRedemption
{
    Redeemed,
    Unknown,
    AlreadyRedeemed,
    Expired,
}
