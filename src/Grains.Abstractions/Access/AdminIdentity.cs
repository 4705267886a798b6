namespace Total.Grains.Abstractions.Access;

/// <summary>An admin as people recognise them: the SCIM user id, their userName and their Entra object id (externalId).</summary>
[GenerateSerializer, Immutable, Alias("Total.AdminIdentity")]
public sealed record AdminIdentity(
    [property: Id(0)] string UserId,
    [property: Id(1)] string? UserName,
    [property: Id(2)] string? ExternalId);
