namespace Total.DevStandIns.Graph;

/// <summary>How the stand-in refuses a delta token it no longer honours; Microsoft Graph uses both.</summary>
public enum DeltaExpiry
{
    /// <summary>400 with error code <c>syncStateNotFound</c>: what Graph answers for an identity delta token older than 7 days.</summary>
    SyncStateNotFound,

    /// <summary>410 Gone with error code <c>resyncRequired</c> and a <c>Location</c> header holding a fresh initial query.</summary>
    ResyncRequired,
}
