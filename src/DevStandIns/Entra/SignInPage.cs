using System.Text;
using System.Text.Encodings.Web;

namespace Total.DevStandIns.Entra;

/// <summary>
/// The stand-in's server-rendered pages: the account picker, the error page and the form_post response.
/// Plain HTML forms, so they work without JavaScript and with a screen reader; every value is HTML-encoded.
/// </summary>
internal static class SignInPage
{
    public const string Title = "Sign in (local Entra stand-in)";

    private const string Style =
        "body{font-family:system-ui,sans-serif;max-width:44rem;margin:2rem auto;padding:0 1rem;line-height:1.5}"
        + ".stand-in{border:3px solid #b00020;background:#fff4f4;padding:.5rem 1rem}"
        + "ul{list-style:none;padding:0}li{margin:.5rem 0}button{font:inherit;padding:.4rem .8rem;cursor:pointer}"
        + "label{display:block;margin-top:.5rem}input[type=text],input[type=number]{font:inherit;width:100%}"
        + ".muted{color:#555}";

    private static HtmlEncoder Html => HtmlEncoder.Default;

    /// <summary>The account picker: one button per provisioned user, and a form for anyone else.</summary>
    public static string Render(StandInTenant tenant, AuthorizationRequest request, ProvisionedDirectory? directory, string action, string nonce)
    {
        var html = Begin(Title, nonce);
        html.Append("<main><h1>Sign in</h1>")
            .Append("<p class=\"stand-in\" role=\"note\"><strong>Development stand-in, not Microsoft Entra ID.</strong> ")
            .Append("This page signs you in as whoever you pick, without a password. It runs only in Development with SignIn:StandIn:Enabled=true.</p>")
            .Append("<p>Application <code>").Append(Html.Encode(request.ClientId)).Append("</code> asks you to sign in to Entra tenant <code>")
            .Append(Html.Encode(tenant.Segment)).Append("</code>.</p>");

        if (directory is not null)
        {
            AppendUsers(html, request, directory, action);
        }

        html.Append("<h2 id=\"other\">Sign in as someone else</h2>")
            .Append("<p>For people who are not provisioned, or who belong to another tenant.</p>")
            .Append("<form method=\"post\" action=\"").Append(Html.Encode(action)).Append("\" aria-labelledby=\"other\">");
        AppendHidden(html, request.Parameters());
        if (tenant.IsMultiTenant)
        {
            AppendInput(html, "tid", "Entra tenant id (tid)", string.Empty, required: true);
        }

        AppendInput(html, "oid", "Object id (oid)", Guid.NewGuid().ToString("D"), required: false);
        AppendInput(html, "name", "Name (name)", "Test User", required: true);
        AppendInput(html, "preferred_username", "Username (preferred_username)", "test.user@example.com", required: true);
        html.Append("<details><summary>Token defects, for testing that they are refused</summary>");
        AppendInput(html, TokenDefects.TidOverrideField, "Different tid claim", string.Empty, required: false);
        AppendInput(html, TokenDefects.IssuerOverrideField, "Different issuer (iss)", string.Empty, required: false);
        AppendInput(html, TokenDefects.LifetimeSecondsField, "Lifetime in seconds (negative: already expired)", string.Empty, required: false, type: "number");
        AppendCheckbox(html, TokenDefects.OmitOidField, "Leave out the oid claim");
        AppendCheckbox(html, TokenDefects.UnknownKeyField, "Sign with a key that is not published");
        html.Append("</details><p><button type=\"submit\">Sign in</button></p></form></main>");
        return End(html);
    }

    public static string Error(string message, string nonce)
    {
        var html = Begin("Sign-in error (local Entra stand-in)", nonce);
        html.Append("<main><h1>Sorry, but we're having trouble signing you in.</h1>")
            .Append("<p class=\"stand-in\" role=\"note\"><strong>Development stand-in, not Microsoft Entra ID.</strong></p>")
            .Append("<p role=\"alert\">").Append(Html.Encode(message)).Append("</p></main>");
        return End(html);
    }

    /// <summary>Logout without a return address.</summary>
    public static string SignedOut(string nonce)
    {
        var html = Begin("Signed out (local Entra stand-in)", nonce);
        html.Append("<main><h1>You signed out</h1><p class=\"stand-in\" role=\"note\"><strong>Development stand-in, not Microsoft Entra ID.</strong></p>")
            .Append("<p>You can close this window.</p></main>");
        return End(html);
    }

    /// <summary>response_mode=form_post: posts the code to the redirect URI; the button covers browsers without scripts.</summary>
    public static string FormPost(Uri redirectUri, IEnumerable<KeyValuePair<string, string>> fields, string nonce)
    {
        var html = Begin("Working… (local Entra stand-in)", nonce);
        html.Append("<main><form method=\"post\" action=\"").Append(Html.Encode(redirectUri.OriginalString)).Append("\">");
        AppendHidden(html, fields);
        html.Append("<noscript><p>Script is disabled. Press the button to continue.</p><button type=\"submit\">Continue</button></noscript></form></main>")
            .Append("<script nonce=\"").Append(nonce).Append("\">document.forms[0].submit();</script>");
        return End(html);
    }

    private static void AppendUsers(StringBuilder html, AuthorizationRequest request, ProvisionedDirectory directory, string action)
    {
        html.Append("<h2 id=\"provisioned\">Provisioned users</h2>");
        if (directory.TenantId is null)
        {
            html.Append("<p>No TOTAL tenant is onboarded for this Entra tenant id, so nobody is provisioned.</p>");
            return;
        }

        if (directory.Error is not null)
        {
            html.Append("<p role=\"alert\">The provisioned users could not be listed: ").Append(Html.Encode(directory.Error)).Append("</p>");
            return;
        }

        if (directory.Users.Count == 0)
        {
            html.Append("<p>TOTAL tenant <code>").Append(Html.Encode(directory.TenantId)).Append("</code> has no provisioned users yet.</p>");
            return;
        }

        html.Append("<p>Users of TOTAL tenant <code>").Append(Html.Encode(directory.TenantId)).Append("</code>");
        if (directory.TotalUsers > directory.Users.Count)
        {
            html.Append(CultureInvariant($" (the first {directory.Users.Count} of {directory.TotalUsers} by username)"));
        }

        html.Append(".</p><ul aria-labelledby=\"provisioned\">");
        foreach (var user in directory.Users)
        {
            var name = user.DisplayName ?? user.UserName;
            html.Append("<li>");
            if (user.ExternalId is null)
            {
                html.Append(Html.Encode(name)).Append(" <span class=\"muted\">(").Append(Html.Encode(user.UserName))
                    .Append(") has no externalId, so no sign-in can match them: map externalId to the Entra objectId.</span>");
            }
            else
            {
                html.Append("<form method=\"post\" action=\"").Append(Html.Encode(action)).Append("\">");
                AppendHidden(html, request.Parameters().Concat(
                [
                    new("oid", user.ExternalId),
                    new("name", name),
                    new("preferred_username", user.UserName),
                ]));
                html.Append("<button type=\"submit\">Sign in as ").Append(Html.Encode(name))
                    .Append(" <span class=\"muted\">").Append(Html.Encode(user.UserName)).Append(user.Active ? string.Empty : ", disabled in TOTAL")
                    .Append("</span></button></form>");
            }

            html.Append("</li>");
        }

        html.Append("</ul>");
    }

    private static StringBuilder Begin(string title, string nonce) =>
        new StringBuilder("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
            .Append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><meta name=\"robots\" content=\"noindex\">")
            .Append("<title>").Append(Html.Encode(title)).Append("</title><style nonce=\"").Append(nonce).Append("\">").Append(Style).Append("</style></head><body>");

    private static string End(StringBuilder html) => html.Append("</body></html>").ToString();

    private static void AppendHidden(StringBuilder html, IEnumerable<KeyValuePair<string, string>> fields)
    {
        foreach (var (name, value) in fields)
        {
            html.Append("<input type=\"hidden\" name=\"").Append(Html.Encode(name)).Append("\" value=\"").Append(Html.Encode(value)).Append("\">");
        }
    }

    private static void AppendInput(StringBuilder html, string name, string label, string value, bool required, string type = "text")
    {
        var id = "f-" + name;
        html.Append("<label for=\"").Append(id).Append("\">").Append(Html.Encode(label)).Append("</label>")
            .Append("<input type=\"").Append(type).Append("\" id=\"").Append(id).Append("\" name=\"").Append(name)
            .Append("\" value=\"").Append(Html.Encode(value)).Append('"').Append(required ? " required" : string.Empty).Append('>');
    }

    private static void AppendCheckbox(StringBuilder html, string name, string label)
    {
        var id = "f-" + name;
        html.Append("<label for=\"").Append(id).Append("\"><input type=\"checkbox\" id=\"").Append(id).Append("\" name=\"").Append(name)
            .Append("\" value=\"true\"> ").Append(Html.Encode(label)).Append("</label>");
    }

    private static string CultureInvariant(FormattableString text) => FormattableString.Invariant(text);
}
