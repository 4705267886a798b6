using Total.Scim.Filter;
using Total.Scim.Json;
using Total.Scim.Messages;
using Total.Scim.Patch;
using Total.Scim.Schema;

namespace Total.Scim;

/// <summary>
/// The <c>Scim:Limits</c> section: what one SCIM request may contain. Read by the API (JSON, filters, paging,
/// before a grain is called) and by the directory grains (the same checks where data is written), so in
/// cluster mode the API and the silo hosts need the same values. Each exceeded limit is a 400 SCIM error. Every
/// limit must be positive: a limit of 0 would refuse every request, not turn the check off.
/// </summary>
public sealed class ScimLimitsOptions
{
    public const string Section = "Scim:Limits";

    /// <summary>Deepest nesting of objects and arrays in a request body.</summary>
    [SettingRange(1, 256, ErrorMessage = $"{Section}:{nameof(MaxJsonDepth)} must be {{1}} to {{2}} (no SCIM shape comes near 256; deeper trees only cost recursion), e.g. 32.")]
    public int MaxJsonDepth { get; set; } = ScimRequestJson.DefaultMaxDepth;

    /// <summary>Longest <c>filter</c> in characters.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = $"{Section}:{nameof(MaxFilterLength)} must be at least {{1}}, e.g. 4096.")]
    public int MaxFilterLength { get; set; } = FilterLimits.Default.MaxLength;

    /// <summary>Most terms in a filter: comparisons, <c>and</c>/<c>or</c>/<c>not</c> and value paths together.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = $"{Section}:{nameof(MaxFilterTerms)} must be at least {{1}}, e.g. 64.")]
    public int MaxFilterTerms { get; set; } = FilterLimits.Default.MaxTerms;

    /// <summary>Deepest nesting of parentheses, <c>not</c> and value paths in a filter.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = $"{Section}:{nameof(MaxFilterDepth)} must be at least {{1}}, e.g. 16.")]
    public int MaxFilterDepth { get; set; } = FilterLimits.Default.MaxDepth;

    /// <summary>Most operations in one PATCH request.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = $"{Section}:{nameof(MaxPatchOperations)} must be at least {{1}}, e.g. 1000.")]
    public int MaxPatchOperations { get; set; } = PatchLimits.Default.MaxOperations;

    /// <summary>Longest PATCH <c>path</c> in characters.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = $"{Section}:{nameof(MaxPatchPathLength)} must be at least {{1}}, e.g. 1024.")]
    public int MaxPatchPathLength { get; set; } = PatchLimits.Default.MaxPathLength;

    /// <summary>Largest page a list or search answers; a larger <c>count</c> is served as this many (RFC 7644 §3.4.2.4).</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = $"{Section}:{nameof(MaxPageSize)} must be at least {{1}}, e.g. 1000.")]
    public int MaxPageSize { get; set; } = ListQueryLimits.Default.MaxCount;

    /// <summary>Longest string value of a stored attribute, in characters.</summary>
    [SettingRange(1, int.MaxValue, ErrorMessage = $"{Section}:{nameof(MaxStringLength)} must be at least {{1}}, e.g. 4096.")]
    public int MaxStringLength { get; set; } = StringValueLimit.DefaultMaxLength;

    public FilterLimits Filter => new(MaxFilterLength, MaxFilterTerms, MaxFilterDepth);

    public PatchLimits Patch => new(MaxPatchOperations, MaxPatchPathLength);

    public ListQueryLimits ListQuery => new ListQueryLimits(MaxCount: MaxPageSize) { Filter = Filter };
}
