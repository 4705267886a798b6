namespace Total.DevStandIns.Entra;

/// <summary>What checking a client against the tenant's app registrations found.</summary>
internal enum ClientCheck
{
    Accepted,
    UnknownClient,
    WrongSecret,
    AssertionNotVerifiable,
}
