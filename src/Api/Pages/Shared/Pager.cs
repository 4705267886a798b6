namespace Total.Api.Pages.Shared;

/// <summary>Previous/next links for a paged list; <see cref="Query"/> is kept in the links when set.</summary>
public sealed record Pager(int PageNumber, int PageCount, string? Query = null)
{
    public string Link(int page) => Query is null ? $"?p={page}" : $"?q={Uri.EscapeDataString(Query)}&p={page}";
}
