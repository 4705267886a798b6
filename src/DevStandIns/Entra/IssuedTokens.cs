namespace Total.DevStandIns.Entra;

/// <summary>The tokens of one token response; no ID token unless the <c>openid</c> scope was asked for.</summary>
internal sealed record IssuedTokens(string? IdToken, string AccessToken, int ExpiresIn);
