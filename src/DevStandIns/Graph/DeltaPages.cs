namespace Total.DevStandIns.Graph;

/// <summary>
/// Splits a round's group objects into pages of at most <c>pageSize</c> objects, counting each member change as
/// one object: a large group's members continue on the next page under the same group id, as Graph does.
/// </summary>
internal static class DeltaPages
{
    public static IReadOnlyList<IReadOnlyList<DeltaEntry>> Split(IReadOnlyList<DeltaEntry> entries, int pageSize)
    {
        var pages = new List<IReadOnlyList<DeltaEntry>>();
        var page = new List<DeltaEntry>();
        var room = pageSize;
        foreach (var entry in entries)
        {
            if (entry.Members is not { Count: > 0 } members)
            {
                Add(entry);
                continue;
            }

            for (var offset = 0; offset < members.Count;)
            {
                var take = Math.Min(room, members.Count - offset);
                Add(entry with { Members = members.Skip(offset).Take(take).ToList() }, take);
                offset += take;
            }
        }

        if (page.Count > 0 || pages.Count == 0)
        {
            pages.Add(page);
        }

        return pages;

        void Add(DeltaEntry entry, int size = 1)
        {
            page.Add(entry);
            room -= size;
            if (room <= 0)
            {
                pages.Add(page);
                page = [];
                room = pageSize;
            }
        }
    }
}
