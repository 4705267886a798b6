namespace Total.Grains.Graph;

/// <summary>Why Microsoft Graph could not be read; <see cref="Exception.Message"/> is safe for the console (no secret).</summary>
public sealed class GraphAccessException : Exception
{
    public GraphAccessException()
    {
    }

    public GraphAccessException(string message)
        : base(message)
    {
    }

    public GraphAccessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public GraphAccessException(GraphFailure failure, string message, Exception? innerException = null)
        : base(message, innerException)
    {
        Failure = failure;
    }

    public GraphFailure Failure { get; } = GraphFailure.Unavailable;
}

/// <summary>The kinds of Graph failure an admin or SRE acts on differently.</summary>
public enum GraphFailure
{
    /// <summary>Entra refused the client id or secret (wrong, expired, or the app was deleted).</summary>
    InvalidCredentials,

    /// <summary>The token lacks GroupMember.Read.All: admin consent missing or revoked.</summary>
    PermissionMissing,

    /// <summary>429 beyond the retry budget; try again after the given time.</summary>
    Throttled,

    /// <summary>Network failure, timeout or 5xx.</summary>
    Unavailable,

    /// <summary>The probe's group does not exist in the tenant (or is not a group object id).</summary>
    GroupNotFound,
}
