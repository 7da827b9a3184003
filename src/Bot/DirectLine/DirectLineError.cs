using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SupportBot.Bot.DirectLine;

/// <summary>Direct Line's error body: <c>{"error":{"code":"...","message":"..."}}</c>.</summary>
internal sealed record DirectLineError([property: JsonPropertyName("error")] DirectLineErrorDetail Error)
{
    public static JsonHttpResult<DirectLineError> Result(int status, string code, string message) =>
        TypedResults.Json(new DirectLineError(new DirectLineErrorDetail(code, message)), statusCode: status);

    public static JsonHttpResult<DirectLineError> NotFound() => Result(404, "NotFound", "Conversation not found.");

    public static JsonHttpResult<DirectLineError> Token(TokenCheck check) => check switch
    {
        TokenCheck.Missing => Result(401, "Unauthorized", "Authorization: Bearer <token> is required."),
        TokenCheck.Expired => Result(403, "TokenExpired", "Token expired."),
        _ => Result(403, "BadArgument", "The token is not valid."),
    };
}

internal sealed record DirectLineErrorDetail(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string Message);
