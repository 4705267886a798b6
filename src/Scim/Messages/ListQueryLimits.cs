using Total.Scim.Filter;

namespace Total.Scim.Messages;

/// <summary>Paging and filter bounds for list and search requests.</summary>
/// <param name="DefaultCount">Page size when the client sends no <c>count</c>.</param>
/// <param name="MaxCount">Largest page served; larger <c>count</c> values are capped (RFC 7644 §3.4.2.4 allows this).</param>
public sealed record ListQueryLimits(int DefaultCount = 100, int MaxCount = 1000)
{
    /// <summary>100 by default, at most 1000, <see cref="FilterLimits.Default"/>.</summary>
    public static ListQueryLimits Default { get; } = new();

    /// <summary>Bounds on the <c>filter</c>.</summary>
    public FilterLimits Filter { get; init; } = FilterLimits.Default;
}
