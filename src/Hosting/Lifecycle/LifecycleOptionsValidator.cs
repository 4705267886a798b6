using Microsoft.Extensions.Options;

namespace Total.Hosting.Lifecycle;

/// <summary>Checks <see cref="LifecycleOptions"/>' ranges at start, generated from its annotations.</summary>
[OptionsValidator]
public sealed partial class LifecycleOptionsValidator : IValidateOptions<LifecycleOptions>;
