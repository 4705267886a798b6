namespace Total.Grains.Abstractions.Access;

public enum AccessEventKind
{
    Granted = 1,
    Revoked = 2,
}
