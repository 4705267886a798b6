namespace Total.Scim.Patch;

/// <summary>Bounds on one PatchOp request (each exceeded bound is 400: invalidValue for the count, invalidPath for a path).</summary>
/// <param name="MaxOperations">Most operations accepted in one request.</param>
/// <param name="MaxPathLength">Longest <c>path</c> in characters; real paths are well under 200 (<c>members[value eq "&lt;id&gt;"]</c>).</param>
public sealed record PatchLimits(int MaxOperations = 1000, int MaxPathLength = 1024)
{
    /// <summary>1,000 operations, paths of 1,024 characters.</summary>
    public static PatchLimits Default { get; } = new();
}
