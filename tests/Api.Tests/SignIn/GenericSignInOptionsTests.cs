using Total.Api.SignIn;

namespace Total.Api.Tests.SignIn;

/// <summary>The <c>SignIn:Generic</c> settings: 0 look-ups per minute turns the limit off as documented; a negative value is refused.</summary>
public sealed class GenericSignInOptionsTests
{
    [Fact]
    public void Zero_look_ups_per_minute_turns_the_limit_off_and_is_accepted() =>
        Assert.True(new GenericSignInOptionsValidator().Validate(null, new GenericSignInOptions { LookupsPerMinute = 0 }).Succeeded);
}
