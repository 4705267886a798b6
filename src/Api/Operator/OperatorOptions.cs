using System.ComponentModel.DataAnnotations;

namespace Total.Api.Operator;

/// <summary>The <c>Operator</c> configuration section.</summary>
public sealed class OperatorOptions
{
    public const string Section = "Operator";

    /// <summary>Bearer key of the operator API (env <c>Operator__ApiKey</c>). Generated and logged in Development when unset; a short key is refused, being guessable.</summary>
    [MinLength(16, ErrorMessage = $"{Section}:{nameof(ApiKey)} must be at least {{1}} characters when set, e.g. the output of openssl rand -base64 32.")]
    public string? ApiKey { get; set; }

    /// <summary>
    /// The key being retired during a rotation (env <c>Operator__PreviousApiKey</c>): still accepted, with a
    /// warning, until the callers use the new one and it is removed.
    /// </summary>
    [MinLength(16, ErrorMessage = $"{Section}:{nameof(PreviousApiKey)} must be at least {{1}} characters when set, e.g. the key Operator:ApiKey held before the rotation.")]
    public string? PreviousApiKey { get; set; }
}
