using Microsoft.Extensions.Options;

namespace Total.Hosting.Lifecycle;

/// <summary>What annotations cannot say about <see cref="LifecycleOptions"/>: the drain happens inside the stop, so it must end before the stop's timeout.</summary>
public sealed class LifecycleOptionsRulesValidator : IValidateOptions<LifecycleOptions>
{
    public ValidateOptionsResult Validate(string? name, LifecycleOptions options) =>
        options.DrainDelay < options.ShutdownTimeout
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{LifecycleOptions.Section}:{nameof(options.DrainDelay)} ({options.DrainDelay}) must be shorter than {LifecycleOptions.Section}:{nameof(options.ShutdownTimeout)} ({options.ShutdownTimeout}): the drain is part of the stop, e.g. 00:00:05 within 00:02:00.");
}
