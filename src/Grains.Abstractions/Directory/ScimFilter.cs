using Total.Scim.Filter;

namespace Total.Grains.Abstractions.Directory;

/// <summary>
/// A SCIM filter parsed and bounded once, where the request arrived. Grain calls within a silo hand it on as it is
/// (it is immutable, so Orleans passes the reference); between silos it travels as its text and is parsed once on
/// arrival (see <see cref="ScimFilterSurrogateConverter"/>).
/// </summary>
[Immutable, Alias("Total.ScimFilter")]
public sealed class ScimFilter(string text, FilterNode node)
{
    /// <summary>The filter as the client sent it.</summary>
    public string Text { get; } = text;

    /// <summary>The parsed expression.</summary>
    public FilterNode Node { get; } = node;

    /// <summary>Parses <paramref name="text"/> within <paramref name="limits"/> (400 invalidFilter otherwise).</summary>
    public static ScimFilter Parse(string text, FilterLimits limits) => new(text, FilterParser.Parse(text, limits));
}

/// <summary>What a <see cref="ScimFilter"/> is on the wire: its text.</summary>
[GenerateSerializer, Immutable, Alias("Total.ScimFilterSurrogate")]
public readonly record struct ScimFilterSurrogate([property: Id(0)] string Text);

/// <summary>Sends a <see cref="ScimFilter"/> as its text and parses it on arrival.</summary>
[RegisterConverter]
public sealed class ScimFilterSurrogateConverter : IConverter<ScimFilter, ScimFilterSurrogate>
{
    /// <summary>The sender already held the filter to the configured limits; the text is parsed as it is.</summary>
    private static readonly FilterLimits Arrived = new(int.MaxValue, int.MaxValue, int.MaxValue);

    public ScimFilter ConvertFromSurrogate(in ScimFilterSurrogate surrogate) => ScimFilter.Parse(surrogate.Text, Arrived);

    public ScimFilterSurrogate ConvertToSurrogate(in ScimFilter value) => new(value.Text);
}
