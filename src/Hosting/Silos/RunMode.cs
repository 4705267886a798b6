namespace Total.Hosting.Silos;

/// <summary>The mode this process runs in, for health output and logs.</summary>
public sealed record RunMode(TotalMode Mode, bool IsSiloHost);
