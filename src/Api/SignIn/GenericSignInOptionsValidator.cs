using Microsoft.Extensions.Options;

namespace Total.Api.SignIn;

/// <summary>Checks <see cref="GenericSignInOptions"/>' ranges at start, generated from its annotations.</summary>
[OptionsValidator]
public sealed partial class GenericSignInOptionsValidator : IValidateOptions<GenericSignInOptions>;
