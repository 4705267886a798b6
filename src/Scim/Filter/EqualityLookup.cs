namespace Total.Scim.Filter;

/// <summary>
/// One <c>attribute eq "value"</c> term a server can answer from an index, with the attribute path in
/// canonical form: <c>userName</c>, <c>externalId</c>, <c>id</c>, <c>displayName</c>,
/// <c>members.value</c>, <c>emails.type</c>, <c>emails.value</c>,
/// <c>urn:ietf:params:scim:schemas:extension:enterprise:2.0:User:employeeNumber</c>.
/// </summary>
/// <param name="AttributePath">Canonical attribute path.</param>
/// <param name="Value">The string compared with (compare it using the attribute's caseExact).</param>
public sealed record EqualityLookup(string AttributePath, string Value);
