namespace Total.Api.Operator;

/// <summary>The <c>Operator</c> configuration section.</summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>Bearer key of the operator API (env <c>Operator__ApiKey</c>). Generated and logged in Development when unset.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// The key being retired during a rotation (env <c>Operator__PreviousApiKey</c>): still accepted, with a
    /// warning, until the callers use the new one and it is removed.
    /// </summary>
    public string? PreviousApiKey { get; set; }
}
