namespace Total.DevStandIns.Graph;

/// <summary>
/// One round of a delta query, worked out when it starts and served page by page through <c>$skiptoken</c>
/// (<c>{Id}.{page}</c>), ending in a delta link for <see cref="Next"/>.
/// </summary>
internal sealed record DeltaRound(string Id, IReadOnlyList<IReadOnlyList<DeltaEntry>> Pages, DeltaCursor Next, DateTimeOffset StartedAt)
{
    /// <summary>Unfinished rounds are forgotten after this; their skip tokens then fail like expired ones.</summary>
    public static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);

    public string SkipToken(int page) => FormattableString.Invariant($"{Id}.{page}");

    public static bool TryParseSkipToken(string token, out string roundId, out int page)
    {
        var dot = token.LastIndexOf('.');
        roundId = dot > 0 ? token[..dot] : string.Empty;
        page = 0;
        return dot > 0 && int.TryParse(token.AsSpan(dot + 1), System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out page);
    }
}
