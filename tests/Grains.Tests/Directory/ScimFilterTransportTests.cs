using Microsoft.Extensions.DependencyInjection;
using Orleans.Serialization;
using Orleans.Serialization.Cloning;
using Total.Grains.Abstractions.Directory;
using Total.Scim.Filter;

namespace Total.Grains.Tests.Directory;

/// <summary>A filter is parsed once where it arrives: grain calls in a silo pass it on as it is; between silos it is its text.</summary>
public sealed class ScimFilterTransportTests
{
    private static readonly IServiceProvider Orleans = new ServiceCollection()
        .AddSerializer(serializer => serializer.AddAssembly(typeof(ScimFilter).Assembly))
        .BuildServiceProvider();

    [Fact]
    public void A_grain_call_within_a_silo_hands_on_the_parsed_filter_itself()
    {
        var filter = ScimFilter.Parse("userName eq \"ada@contoso.example\"", FilterLimits.Default);
        var query = DirectoryQuery.For(filter, null, false, 1, 100);

        var copied = Orleans.GetRequiredService<DeepCopier>().Copy(query);

        Assert.Same(filter, copied.ParsedFilter);
        Assert.Same(filter.Node, copied.ParsedFilter!.Node);
    }

    [Fact]
    public void Between_silos_a_filter_travels_as_its_text_and_is_parsed_on_arrival()
    {
        var filter = ScimFilter.Parse("userName eq \"ada@contoso.example\" and active eq true", FilterLimits.Default);
        var serializer = Orleans.GetRequiredService<Serializer>();

        var arrived = serializer.Deserialize<DirectoryQuery>(serializer.SerializeToArray(DirectoryQuery.For(filter, "userName", true, 3, 7)))!;

        Assert.Equal(filter.Text, arrived.Filter);
        Assert.Equal(filter.Text, arrived.ParsedFilter!.Text);
        Assert.NotSame(filter.Node, arrived.ParsedFilter!.Node);
        Assert.Equal(filter.Node, arrived.ParsedFilter.Node);
        Assert.Equal(("userName", true, 3, 7), (arrived.SortBy, arrived.Descending, arrived.StartIndex, arrived.Count));
    }
}
