using Microsoft.Extensions.Options;

namespace Total.Api.Operator;

/// <summary>Checks <see cref="OperatorOptions"/> at start, generated from its annotations.</summary>
[OptionsValidator]
public sealed partial class OperatorOptionsValidator : IValidateOptions<OperatorOptions>;
