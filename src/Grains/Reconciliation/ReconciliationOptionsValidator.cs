using Microsoft.Extensions.Options;

namespace Total.Grains.Reconciliation;

/// <summary>Checks <see cref="ReconciliationOptions"/>' ranges at start, generated from its annotations.</summary>
[OptionsValidator]
public sealed partial class ReconciliationOptionsValidator : IValidateOptions<ReconciliationOptions>;
