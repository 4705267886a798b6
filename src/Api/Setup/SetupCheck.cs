namespace Total.Api.Setup;

/// <summary>One step of the setup checklist: how it stands, and what to do about it.</summary>
public sealed record SetupCheck(string Step, SetupState State, string Detail);

public enum SetupState
{
    Ok,
    Pending,
    Warning,
    Problem,
}
