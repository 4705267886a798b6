namespace Total.Api.Pages.Shared;

/// <summary>Previous/next links for a paged list; <see cref="Query"/> is kept in the links when set.</summary>
/// <param name="Extra">Other query parameters to keep, already encoded (e.g. <c>failed=true</c>).</param>
public sealed record Pager(int PageNumber, int PageCount, string? Query = null, string? Extra = null)
{
    public string Link(int page) =>
        "?" + string.Join("&", new[] { Query is null ? null : $"q={Uri.EscapeDataString(Query)}", Extra, $"p={page}" }.Where(part => part is not null));
}
