using System.Text.Json;
using System.Text.Json.Nodes;
using SupportBot.Bot.Activities;

namespace SupportBot.Bot.Conversations;

/// <summary>
/// A channel's JSON body, read as untrusted before anything is stored or handed to the bot: bounded in bytes and in
/// depth (<see cref="ActivityJson.MaxDepth"/>), no member named twice, every string valid UTF-8 decoding to well-formed
/// UTF-16 (a lone <c>\ud800</c> is valid JSON but no .NET string reads it back). Each refusal carries the Bot
/// Framework's error code (Direct Line and the Connector share them) and a message saying what is wrong and where.
/// </summary>
internal static class IncomingJson
{
    private static readonly JsonDocumentOptions DocumentOptions = new() { MaxDepth = ActivityJson.MaxDepth, AllowDuplicateProperties = false };

    /// <param name="optional">An absent body is then no error (<see cref="JsonBody.Json"/> null).</param>
    public static async Task<JsonBody> ReadAsync(HttpRequest request, int maxBytes, bool optional, CancellationToken cancellationToken)
    {
        if (request.ContentLength is 0 || (request.ContentLength is null && !request.Headers.ContainsKey("Transfer-Encoding")))
        {
            return optional ? new JsonBody(null, null) : Refuse(400, "MissingProperty", "The request has no body.");
        }

        if (!request.HasJsonContentType())
        {
            return Refuse(415, "BadArgument", "Content-Type must be application/json.");
        }

        if (request.ContentLength > maxBytes)
        {
            return TooBig(maxBytes);
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                {
                    return TooBig(maxBytes);
                }

                buffer.Write(chunk, 0, read);
            }
        }
        catch (BadHttpRequestException e)
        {
            // A body cut short, or over Kestrel's limits: Kestrel says why.
            return Refuse(e.StatusCode, "BadSyntax", $"The body could not be read: {e.Message}");
        }
        catch (IOException e)
        {
            // A chunk size past 2^31 is an IOException of Kestrel's ("Bad chunk size data"), not a BadHttpRequestException.
            return Refuse(400, "BadSyntax", $"The body could not be read: {e.Message}");
        }

        return Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    public static JsonBody Parse(ReadOnlySpan<byte> utf8)
    {
        var reader = new Utf8JsonReader(utf8, new JsonReaderOptions { MaxDepth = ActivityJson.MaxDepth });
        try
        {
            while (reader.Read())
            {
                if (reader.TokenType is JsonTokenType.String or JsonTokenType.PropertyName && !CanRead(ref reader))
                {
                    return Refuse(400, "BadSyntax",
                        $"The string at byte {reader.TokenStartIndex} is not well-formed: invalid UTF-8, or a lone UTF-16 surrogate (\\ud800 without its pair).");
                }
            }

            return new JsonBody(JsonNode.Parse(utf8, documentOptions: DocumentOptions), null);
        }
        catch (JsonException e)
        {
            // Syntax, depth and duplicate members; the message gives the position.
            return Refuse(400, "BadSyntax", $"The body is not valid JSON: {e.Message}");
        }
    }

    private static bool CanRead(ref Utf8JsonReader reader)
    {
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }

    private static JsonBody TooBig(int maxBytes) => Refuse(413, "MessageSizeTooBig", $"The body is larger than {maxBytes} bytes.");

    private static JsonBody Refuse(int status, string code, string message) => new(null, new JsonBodyProblem(status, code, message));
}

/// <summary>The body read, or why it was refused.</summary>
internal sealed record JsonBody(JsonNode? Json, JsonBodyProblem? Problem);

internal sealed record JsonBodyProblem(int Status, string Code, string Message);
