using System.Text.Json.Nodes;

namespace Total.Scim.Tests;

/// <summary>Builds JSON objects from text so tests show the wire shapes literally.</summary>
internal static class TestJson
{
    public static JsonObject Parse(string json) => JsonNode.Parse(json)!.AsObject();

    public static void AssertJsonEqual(string expected, JsonNode? actual)
    {
        var expectedNode = JsonNode.Parse(expected);
        Assert.True(
            JsonNode.DeepEquals(expectedNode, actual),
            $"Expected {expectedNode?.ToJsonString()}\nActual   {actual?.ToJsonString()}");
    }
}
