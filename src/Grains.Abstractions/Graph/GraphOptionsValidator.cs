using Microsoft.Extensions.Options;

namespace Total.Grains.Abstractions.Graph;

/// <summary>Checks <see cref="GraphOptions"/>' ranges at start, generated from its annotations.</summary>
[OptionsValidator]
public sealed partial class GraphOptionsValidator : IValidateOptions<GraphOptions>;
