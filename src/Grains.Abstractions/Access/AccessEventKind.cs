namespace Total.Grains.Abstractions.Access;

public enum AccessEventKind
{
    Granted = 1,
    Revoked = 2,
}

/// <summary>The lower-case names the operator API and the console use for kinds of access change.</summary>
public static class AccessEventKindNames
{
    public static string Name(this AccessEventKind kind) => kind == AccessEventKind.Granted ? "granted" : "revoked";

    public static AccessEventKind? Parse(string? name) => name switch
    {
        "granted" => AccessEventKind.Granted,
        "revoked" => AccessEventKind.Revoked,
        _ => null,
    };
}
