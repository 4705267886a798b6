namespace Total.Grains.Abstractions;

/// <summary>Shapes of setting values that more than one options validator checks.</summary>
public static class SettingShapes
{
    /// <summary>An absolute <c>https</c> URL: where TOTAL sends tokens or secrets, plain HTTP is refused.</summary>
    public static bool IsHttpsUrl(string? value) => Uri.TryCreate(value, UriKind.Absolute, out var uri) && uri.Scheme == Uri.UriSchemeHttps;
}
