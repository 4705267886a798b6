namespace Total.Api.Tests.Scim.Fuzz;

/// <summary>The valid Entra request shapes the fuzzer starts from (see the conformance suite), and the tokens it splices in.</summary>
public static class EntraShapes
{
    public const string EnterpriseUser = EntraBodies.EnterpriseUser;

    /// <summary>Tokens that break parsers: quotes, brackets, keywords, escapes, numbers out of range, odd characters.</summary>
    public static readonly string[] HostileTokens =
    [
        "\"", "\\", "(", ")", "[", "]", "{", "}", ",", ":", ".", " ", "  and ", " or ", " not ", "not(", " eq ", " pr", "\\u", "\\ud800",
        "\\u0000", "\\x41", "1e999", "-0", "NaN", "true", "null", "[]", "{}", "%", "%00", "%ZZ", "'", "`", "$ref", "urn:", "urn:x:y:",
        "members[", "[value eq", "]]", "((((", "))))", "\t", "\u00a0", "\u200b", "\u202e", "😀", "\u0301",
    ];

    /// <summary>Filters Entra and other clients send.</summary>
    public static string[] Filters(string id) =>
    [
        "userName eq \"ada.lovelace@contoso.example\"",
        $"externalId eq \"{id}\"",
        "displayName eq \"TOTAL-Admins\"",
        $"id eq \"{id}\" and members[value eq \"{id}\"]",
        "emails[type eq \"work\"].value eq \"ada@contoso.example\"",
        "name.familyName sw \"Love\"",
        "meta.lastModified gt \"2020-01-01T00:00:00Z\"",
        "not (active eq true)",
        "userName co \"a\" or title pr",
        $"{EnterpriseUser}:department eq \"SOC\"",
        "emails[type eq \"work\" and primary eq true]",
        "externalId eq jyoung",
    ];

    /// <summary>User PATCH operations Entra sends (§A.4), with <paramref name="id"/> where an id goes.</summary>
    public static string[] UserOperations(string id) =>
    [
        EntraBodies.Op("Replace", "active", "\"False\""),
        EntraBodies.Op("Replace", "displayName", "\"Ada L.\""),
        EntraBodies.Op("Replace", "emails[type eq \"work\"].value", "\"ada.l@contoso.example\""),
        EntraBodies.Op("Replace", "name.givenName", "\"Augusta\""),
        EntraBodies.Op("Add", "phoneNumbers[type eq \"mobile\"].value", "\"+1 555 0100\""),
        EntraBodies.Op("Replace", $"{EnterpriseUser}:department", "\"R&D\""),
        EntraBodies.Op("Replace", $"{EnterpriseUser}:manager", EntraBodies.Quote(id)),
        EntraBodies.Op("replace", null, """{"active":false,"name.givenName":"Ada"}"""),
        EntraBodies.Op("remove", "title", null),
        EntraBodies.Op("Add", "addresses[type eq \"work\"].locality", "\"Paris\""),
    ];

    /// <summary>Group PATCH operations Entra sends (§A.4.10-12).</summary>
    public static string[] GroupOperations(string id) =>
    [
        EntraBodies.Op("Add", "members", EntraBodies.MemberList([id])),
        EntraBodies.Op("Remove", "members", EntraBodies.MemberList([id])),
        EntraBodies.Op("remove", $"members[value eq \"{id}\"]", null),
        EntraBodies.Op("Replace", "displayName", "\"Renamed\""),
        EntraBodies.Op("replace", null, """{"displayName":"Renamed"}"""),
        EntraBodies.Op("Replace", "externalId", EntraBodies.Quote(id)),
    ];

    /// <summary>PATCH paths no parser accepts (unbalanced, empty filters, stray operators): always 400.</summary>
    public static readonly string[] BrokenPaths =
    [
        "emails[type eq \"work\"", "emails[", "[value eq \"x\"]", "emails[]", "members[value eq]", "members[value eq \"x\"]]",
        "name.", ".name", "emails[type eq \"work\"].", "emails[type eq \"work\"]..value", "a b", "title eq", "(title)",
        "emails[type eq \"work\" and]", "members[value eq \"x\" or]", "emails[type xx \"work\"]", "\"title\"", "title)",
        "emails[type eq \"unterminated]", "emails[type eq \"bad \\q escape\"]", "members[value eq \"\\ud800\"]",
        "emails[type eq \"work\"][primary eq true]", "emails[emails[type eq \"work\"]]", "1title", "urn:",
    ];
}
