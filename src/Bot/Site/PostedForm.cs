using Microsoft.AspNetCore.Http.Features;

namespace SupportBot.Bot.Site;

/// <summary>
/// A posted form read within limits, or why it cannot be. ASP.NET Core's <c>ReadFormAsync</c> throws on a form it cannot
/// read (a multipart body cut short, more than 1,024 fields, a value over 4 MiB, <c>%00</c> in a value), and a throw
/// nobody catches is a 500 (issue 15): each page answers these with its own 4xx and words.
/// </summary>
internal static class PostedForm
{
    public static async Task<PostedFormResult> ReadAsync(HttpRequest request, int maxBytes, int maxFields, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType)
        {
            return new(null, StatusCodes.Status415UnsupportedMediaType, "Content-Type must be application/x-www-form-urlencoded or multipart/form-data.");
        }

        if (request.ContentLength > maxBytes)
        {
            return new(null, StatusCodes.Status413PayloadTooLarge, $"The form is larger than {maxBytes} bytes.");
        }

        // A chunked body has no Content-Length: Kestrel stops it at the same size.
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } size)
        {
            size.MaxRequestBodySize = maxBytes;
        }

        try
        {
            var options = new FormOptions { ValueCountLimit = maxFields, ValueLengthLimit = maxBytes, MultipartBodyLengthLimit = maxBytes, BufferBodyLengthLimit = maxBytes };
            return new(await request.ReadFormAsync(options, cancellationToken), StatusCodes.Status200OK, null);
        }
        catch (BadHttpRequestException e)
        {
            return new(null, e.StatusCode, $"The form could not be read: {e.Message}");
        }
        catch (Exception e) when (e is InvalidDataException or IOException)
        {
            return new(null, StatusCodes.Status400BadRequest, $"The form could not be read: {e.Message}");
        }
    }
}

/// <summary>The form, or the status and the reason it was refused.</summary>
internal sealed record PostedFormResult(IFormCollection? Form, int Status, string? Problem);
