using Total.Api.Operator;

namespace Total.Api.Tests.Operator;

/// <summary>The <c>Operator</c> settings: a key short enough to guess is refused at start; unset keeps its documented meaning.</summary>
public sealed class OperatorOptionsTests
{
    [Fact]
    public void Unset_keys_are_accepted() =>
        Assert.True(new OperatorOptionsValidator().Validate(null, new OperatorOptions()).Succeeded);
}
