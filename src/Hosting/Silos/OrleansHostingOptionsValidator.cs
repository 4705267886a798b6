using Microsoft.Extensions.Options;

namespace Total.Hosting.Silos;

/// <summary>Checks <see cref="OrleansHostingOptions"/>' ranges, generated from its annotations.</summary>
[OptionsValidator]
public sealed partial class OrleansHostingOptionsValidator : IValidateOptions<OrleansHostingOptions>;
