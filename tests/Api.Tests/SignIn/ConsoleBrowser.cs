using System.Net;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.WebUtilities;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// A browser stand-in for tests: keeps cookies, follows nothing by itself (so each hop can be checked), and
/// completes a sign-in at the local Entra stand-in by submitting its account form as a person would.
/// </summary>
public sealed partial class ConsoleBrowser : IDisposable
{
    private readonly HttpClient _client;

    public ConsoleBrowser(Uri app)
    {
        Cookies = new CookieContainer();
        _client = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies })
        {
            BaseAddress = app,
            Timeout = TimeSpan.FromSeconds(30),
        };
    }

    public CookieContainer Cookies { get; }

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public Task<HttpResponseMessage> GetAsync(string url) => _client.GetAsync(url, Cancel);

    /// <summary>
    /// Starts sign-in at <c>/t/{tenantId}/signin</c>, signs in at the stand-in as the given person (plus any test
    /// knobs) and follows the callback; returns where the product sent the browser in the end.
    /// <paramref name="signInAt"/> changes the authorize URL the product chose, as a person editing the address bar would.
    /// </summary>
    public async Task<Uri> SignInAsync(string tenantId, string oid, string name, string preferredUsername, IDictionary<string, string>? knobs = null, Func<Uri, Uri>? signInAt = null)
    {
        var challenge = await _client.GetAsync($"/t/{tenantId}/signin", Cancel);
        if (challenge.StatusCode != HttpStatusCode.Redirect || challenge.Headers.Location is not { } authorize || !authorize.AbsolutePath.EndsWith("/oauth2/v2.0/authorize", StringComparison.Ordinal))
        {
            return challenge.Headers.Location ?? throw new InvalidOperationException($"/t/{tenantId}/signin answered {(int)challenge.StatusCode}");
        }

        authorize = signInAt?.Invoke(authorize) ?? authorize;
        var form = QueryHelpers.ParseQuery(authorize.Query).ToDictionary(p => p.Key, p => p.Value.ToString());
        form["oid"] = oid;
        form["name"] = name;
        form["preferred_username"] = preferredUsername;
        foreach (var (key, value) in knobs ?? new Dictionary<string, string>())
        {
            form[key] = value;
        }

        var picked = await _client.PostAsync(authorize.GetLeftPart(UriPartial.Path), new FormUrlEncodedContent(form), Cancel);
        if (picked.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The stand-in answered {(int)picked.StatusCode}: {await picked.Content.ReadAsStringAsync(Cancel)}");
        }

        var callback = await _client.GetAsync(picked.Headers.Location, Cancel);
        return new Uri(_client.BaseAddress!, callback.Headers.Location ?? throw new InvalidOperationException($"The callback answered {(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync(Cancel)}"));
    }

    /// <summary>Submits the sign-out form of a console page with its anti-forgery token.</summary>
    public Task<HttpResponseMessage> SignOutAsync() => SubmitAsync("/console", "/console/signout", []);

    /// <summary>Loads <paramref name="page"/> and posts <paramref name="fields"/> to <paramref name="action"/> with that page's anti-forgery token, as its form would.</summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var html = await (await _client.GetAsync(page, Cancel)).Content.ReadAsStringAsync(Cancel);
        var token = AntiforgeryToken().Match(html).Groups[1].Value;
        var form = fields.Append(new KeyValuePair<string, string>("__RequestVerificationToken", token));
        return await _client.PostAsync(action, new FormUrlEncodedContent(form), Cancel);
    }

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
