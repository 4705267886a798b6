namespace Total.DevStandIns.Graph;

/// <summary>Directory object ids are GUIDs; Graph writes them lower-case with hyphens, and so does the stand-in.</summary>
internal static class GraphObjectIds
{
    public static bool TryNormalize(string? value, out string id)
    {
        if (Guid.TryParse(value, out var guid))
        {
            id = guid.ToString("D");
            return true;
        }

        id = string.Empty;
        return false;
    }

    /// <exception cref="ArgumentException">The value is not an object id.</exception>
    public static string Normalize(string value, string parameterName) =>
        TryNormalize(value, out var id) ? id : throw new ArgumentException($"'{value}' is not a directory object id (a GUID).", parameterName);
}
