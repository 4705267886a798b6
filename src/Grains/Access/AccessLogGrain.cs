using Orleans.Concurrency;
using Total.Grains.Abstractions.Access;
using Total.Grains.Access.Storage;

namespace Total.Grains.Access;

/// <inheritdoc cref="IAccessLogGrain"/>
[StatelessWorker]
public sealed class AccessLogGrain(IAccessStore store) : Grain, IAccessLogGrain
{
    public const int MaxPage = 500;

    public Task<IReadOnlyList<AccessEvent>> ReadAsync(AccessLogQuery query) =>
        store.ReadEventsAsync(this.GetPrimaryKeyString(), query with { Take = Math.Clamp(query.Take, 1, MaxPage) });

    public async Task<IReadOnlyList<string>> CurrentAdminsAsync(int max) =>
        (await store.ListFlaggedAsync(this.GetPrimaryKeyString()))
            .Where(user => user.Access.Admin)
            .Select(user => user.UserId)
            .Order(StringComparer.Ordinal)
            .Take(Math.Clamp(max, 0, MaxPage))
            .ToList();
}
