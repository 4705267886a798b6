using System.Web;

namespace Total.Testing;

/// <summary>
/// How a person signs in at the local Entra stand-in, for the tests' browser and the revocation benchmark's: the
/// product answers <c>/t/{tenant}/signin</c> with a 302 to the stand-in's authorize page, whose form posts the
/// authorize request's own parameters back with the chosen account (<c>oid</c>, <c>name</c>,
/// <c>preferred_username</c>); the stand-in then redirects to the product's callback. Compiled into both (one file,
/// linked), so the two cannot drift apart.
/// </summary>
internal static class StandInSignIn
{
    /// <summary>True when the product sent the browser to an Entra-shaped authorize endpoint.</summary>
    public static bool IsAuthorizePage(Uri location) =>
        location.IsAbsoluteUri && location.AbsolutePath.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal);

    /// <summary>Where the account form posts: the authorize page itself, without its query.</summary>
    public static Uri FormAction(Uri authorize) => new(authorize.GetLeftPart(UriPartial.Path));

    /// <summary>The form a person submits to sign in as the given account.</summary>
    public static Dictionary<string, string> AccountForm(Uri authorize, string oid, string name, string preferredUsername)
    {
        var query = HttpUtility.ParseQueryString(authorize.Query);
        var form = query.AllKeys.OfType<string>().ToDictionary(key => key, key => query[key] ?? "", StringComparer.Ordinal);
        form["oid"] = oid;
        form["name"] = name;
        form["preferred_username"] = preferredUsername;
        return form;
    }
}
