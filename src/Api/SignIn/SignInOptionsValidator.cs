using Microsoft.Extensions.Options;

namespace Total.Api.SignIn;

/// <summary>Checks <see cref="SignInOptions"/>' ranges at start, generated from its annotations.</summary>
[OptionsValidator]
public sealed partial class SignInOptionsValidator : IValidateOptions<SignInOptions>;
