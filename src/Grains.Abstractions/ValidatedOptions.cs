using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;

namespace Total.Grains.Abstractions;

/// <summary>
/// The one way TOTAL registers a configuration section: bound to its options class, checked by the class's
/// validators (the generated one for its annotations, an explicit one for what annotations cannot say) when the
/// host starts, so a wrong setting stops the process with a message naming it instead of failing a request later.
/// </summary>
public static class ValidatedOptions
{
    /// <summary>Binds <paramref name="section"/> and checks it at start with <typeparamref name="TValidator"/>.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
    {
        var options = services.AddOptions<TOptions>();

        // A co-hosting API registers shared sections twice (its own features and its silo's grains): bind them once,
        // or list settings would be bound twice over.
        if (!services.Any(d => d.ServiceType == typeof(IValidateOptions<TOptions>) && d.ImplementationType == typeof(TValidator)))
        {
            options.Bind(configuration.GetSection(section));
            services.AddSingleton<IValidateOptions<TOptions>, TValidator>();
        }

        return options.ValidateOnStart();
    }

    /// <summary>As <see cref="AddValidatedOptions{TOptions,TValidator}"/>, with the explicit <typeparamref name="TRules"/> beside the generated validator.</summary>
    public static OptionsBuilder<TOptions> AddValidatedOptions<TOptions, TValidator, TRules>(this IServiceCollection services, IConfiguration configuration, string section)
        where TOptions : class
        where TValidator : class, IValidateOptions<TOptions>
        where TRules : class, IValidateOptions<TOptions>
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IValidateOptions<TOptions>, TRules>());
        return services.AddValidatedOptions<TOptions, TValidator>(configuration, section);
    }

    /// <summary>
    /// A section the host needs while it is being composed (ports, which services to register), before any service
    /// can be resolved: bound and checked on the spot with the same validators, failing as start-up would.
    /// </summary>
    public static TOptions GetValidated<TOptions>(this IConfiguration configuration, string section, params IValidateOptions<TOptions>[] validators)
        where TOptions : class, new()
    {
        var options = configuration.GetSection(section).Get<TOptions>() ?? new TOptions();
        var failures = validators.Select(validator => validator.Validate(Options.DefaultName, options))
            .Where(result => result.Failed)
            .SelectMany(result => result.Failures ?? [])
            .ToList();
        return failures.Count == 0 ? options : throw new OptionsValidationException(Options.DefaultName, typeof(TOptions), failures);
    }
}
