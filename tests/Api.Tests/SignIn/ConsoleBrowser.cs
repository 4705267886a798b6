using System.Net;
using System.Text.RegularExpressions;
using Total.Api.Tests.Infrastructure;
using Total.Testing;

namespace Total.Api.Tests.SignIn;

/// <summary>
/// A browser stand-in for tests: keeps cookies, follows nothing by itself (so each hop can be checked), and
/// completes a sign-in at the local Entra stand-in by submitting its account form as a person would.
/// </summary>
public sealed partial class ConsoleBrowser : IDisposable
{
    private readonly HttpClient _client;

    /// <param name="throughHttpsIngress">Reach the server as production is reached: through a TLS-terminating ingress (<see cref="HttpsIngressHandler"/>).</param>
    public ConsoleBrowser(Uri app, bool throughHttpsIngress = false)
    {
        Cookies = new CookieContainer();
        HttpMessageHandler handler = throughHttpsIngress
            ? new HttpsIngressHandler(Cookies)
            : new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = Cookies };
        _client = new HttpClient(handler)
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
        if (challenge.StatusCode != HttpStatusCode.Redirect || challenge.Headers.Location is not { } authorize || !StandInSignIn.IsAuthorizePage(authorize))
        {
            return challenge.Headers.Location ?? throw new InvalidOperationException($"/t/{tenantId}/signin answered {(int)challenge.StatusCode}");
        }

        authorize = signInAt?.Invoke(authorize) ?? authorize;
        var form = StandInSignIn.AccountForm(authorize, oid, name, preferredUsername);
        foreach (var (key, value) in knobs ?? new Dictionary<string, string>())
        {
            form[key] = value;
        }

        var picked = await _client.PostAsync(StandInSignIn.FormAction(authorize), new FormUrlEncodedContent(form), Cancel);
        if (picked.StatusCode != HttpStatusCode.Redirect)
        {
            throw new InvalidOperationException($"The stand-in answered {(int)picked.StatusCode}: {await picked.Content.ReadAsStringAsync(Cancel)}");
        }

        var callback = await _client.GetAsync(picked.Headers.Location, Cancel);
        return new Uri(_client.BaseAddress!, callback.Headers.Location ?? throw new InvalidOperationException($"The callback answered {(int)callback.StatusCode}: {await callback.Content.ReadAsStringAsync(Cancel)}"));
    }

    /// <summary>Submits the sign-out form of a console page with its anti-forgery token.</summary>
    public Task<HttpResponseMessage> SignOutAsync() => SubmitAsync("/console", "/console/signout", []);

    /// <summary>
    /// Loads <paramref name="page"/> and posts its form for <paramref name="action"/> as a browser would: the form's
    /// hidden fields (anti-forgery token included) with <paramref name="fields"/> replacing hidden fields of the same name.
    /// </summary>
    public async Task<HttpResponseMessage> SubmitAsync(string page, string action, IEnumerable<KeyValuePair<string, string>> fields)
    {
        var typed = fields.ToList();
        var hidden = (await FormAsync(page, action)).Where(field => !typed.Any(t => t.Key == field.Key));
        return await PostAsync(action, hidden.Concat(typed));
    }

    /// <summary>
    /// The hidden fields of the form on <paramref name="page"/> that posts to <paramref name="action"/>: what a browser sends
    /// before anything is typed. A page without such a form gives its first anti-forgery token (forms that post to themselves).
    /// </summary>
    public async Task<List<KeyValuePair<string, string>>> FormAsync(string page, string action)
    {
        var html = await (await _client.GetAsync(page, Cancel)).Content.ReadAsStringAsync(Cancel);
        var form = Form().Matches(html).FirstOrDefault(f => WebUtility.HtmlDecode(f.Groups["action"].Value) == action);
        if (form is null)
        {
            return [new("__RequestVerificationToken", AntiforgeryToken().Match(html).Groups[1].Value)];
        }

        return Input().Matches(form.Groups["body"].Value)
            .Select(input => Attribute().Matches(input.Value).ToDictionary(a => a.Groups[1].Value, a => WebUtility.HtmlDecode(a.Groups[2].Value), StringComparer.OrdinalIgnoreCase))
            .Where(attributes => attributes.GetValueOrDefault("type") == "hidden" && attributes.ContainsKey("name"))
            .Select(attributes => new KeyValuePair<string, string>(attributes["name"], attributes.GetValueOrDefault("value") ?? ""))
            .ToList();
    }

    /// <summary>Posts <paramref name="fields"/> as a form, exactly as given: a reload or a second click sends the same ones again.</summary>
    public Task<HttpResponseMessage> PostAsync(string action, IEnumerable<KeyValuePair<string, string>> fields) =>
        _client.PostAsync(action, new FormUrlEncodedContent(fields), Cancel);

    public void Dispose() => _client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();

    [GeneratedRegex("<form\\b[^>]*\\baction=\"(?<action>[^\"]*)\"[^>]*>(?<body>.*?)</form>", RegexOptions.Singleline)]
    private static partial Regex Form();

    [GeneratedRegex("<input\\b[^>]*>")]
    private static partial Regex Input();

    [GeneratedRegex("([a-zA-Z-]+)=\"([^\"]*)\"")]
    private static partial Regex Attribute();
}
