using System.Text.Json.Serialization;

namespace SupportBot.Bot.DirectLine;

/// <summary>Direct Line's error body: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
internal sealed record DirectLineError([property: JsonPropertyName("error")] DirectLineErrorDetail Error)
{
    public static IResult Result(int status, string code, string message) =>
        TypedResults.Json(new DirectLineError(new DirectLineErrorDetail(code, message)), statusCode: status);
}

internal sealed record DirectLineErrorDetail(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
