using System.Net;
using System.Web;
using Total.Testing;

namespace Total.Revocation;

/// <summary>What one console request found: the session still open, refused (ended), or something else.</summary>
internal enum ConsoleAnswer
{
    Open,
    SessionEnded,
    Other,
}

/// <summary>
/// One person's browser: its own cookies (kept with <see cref="CookieContainer"/>'s rules) over the tool's shared
/// connections, no redirect followed by itself. Signs in as the tests' browser does (<see cref="StandInSignIn"/>):
/// <c>GET /t/{tenant}/signin</c> → 302 to the stand-in's authorize page on the product's HTTP port → POST that
/// page's form as the chosen account → 302 to the callback → session cookie and 302 to the console.
/// </summary>
internal sealed class ConsoleBrowser(LoadClient client, Uri app)
{
    private readonly CookieContainer _cookies = new();

    /// <summary>Signs <paramref name="user"/> in to <paramref name="tenantId"/>; true when the product sent the browser to the console.</summary>
    public async Task<bool> SignInAsync(string phase, string tenantId, UserRec user)
    {
        var challenge = await SendAsync(phase, "signin.challenge", HttpMethod.Get, new Uri(app, $"/t/{tenantId}/signin"), null, s => s == 302);
        if (challenge.Location is not { } authorize || !StandInSignIn.IsAuthorizePage(authorize))
        {
            return false;
        }

        var form = StandInSignIn.AccountForm(authorize, user.ExternalId, $"{user.Given} {user.Family}", user.UserName);
        var picked = await SendAsync(phase, "signin.standin-authorize", HttpMethod.Post, StandInSignIn.FormAction(authorize), new FormUrlEncodedContent(form), s => s == 302);
        if (picked.Location is not { } callback)
        {
            return false;
        }

        var landed = await SendAsync(phase, "signin.callback", HttpMethod.Get, callback, null, s => s == 302);
        return landed.Location?.AbsolutePath == "/console";
    }

    /// <summary><c>GET /console</c> with the session cookie: 200 is an open session, 302 to <c>/no-access?reason=SessionEnded</c> a refused one.</summary>
    public async Task<ConsoleAnswer> OpenConsoleAsync(string phase, string kind, bool expectOpen)
    {
        var reply = await SendAsync(phase, kind, HttpMethod.Get, new Uri(app, "/console"), null, s => s == (expectOpen ? 200 : 302));
        return reply switch
        {
            { Status: 200 } => ConsoleAnswer.Open,
            { Status: 302, Location: { } to } when to.AbsolutePath == "/no-access" && HttpUtility.ParseQueryString(to.Query)["reason"] == "SessionEnded" => ConsoleAnswer.SessionEnded,
            _ => ConsoleAnswer.Other,
        };
    }

    private async Task<Reply> SendAsync(string phase, string kind, HttpMethod method, Uri uri, HttpContent? content, Func<int, bool> expected)
    {
        using var request = new HttpRequestMessage(method, uri) { Content = content };
        request.Headers.Accept.ParseAdd("text/html");
        if (_cookies.GetCookieHeader(uri) is { Length: > 0 } cookie)
        {
            request.Headers.Add("Cookie", cookie);
        }

        var reply = await client.ExchangeAsync(phase, kind, request, wantBody: false, expected);
        foreach (var setCookie in reply.SetCookies ?? [])
        {
            _cookies.SetCookies(uri, setCookie);
        }

        return reply;
    }
}
