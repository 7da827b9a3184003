using System.Globalization;
using System.Net.Http;
using System.Text;

namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>How a hostile request travels: through HttpClient, as raw bytes on a socket (what HttpClient refuses to send), or as WebSocket frames.</summary>
internal enum HostileTransport
{
    Http,
    Raw,
    WebSocket,
}

/// <summary>
/// One generated request: the endpoint it aims at (its route pattern, as mapped), what was done to it, and everything
/// needed to send it again (<see cref="Replay"/>).
/// </summary>
internal sealed record HostileRequest(int Index, string Target, string Mutation, string Method, string PathAndQuery,
    IReadOnlyList<KeyValuePair<string, string>> Headers, byte[]? Body, HostileTransport Transport = HostileTransport.Http)
{
    private static readonly string[] ContentHeaders = ["Content-Type", "Content-Length", "Content-Encoding", "Content-Language", "Content-Disposition"];

    /// <summary>The request, its path and query sent as they are (no dot segments removed, no escapes undone).</summary>
    public HttpRequestMessage ToHttpRequest(Uri baseAddress)
    {
        var url = new Uri(baseAddress.GetLeftPart(UriPartial.Authority) + PathAndQuery, new UriCreationOptions { DangerousDisablePathAndQueryCanonicalization = true });
        var request = new HttpRequestMessage(new HttpMethod(Method), url);
        if (Body is not null)
        {
            request.Content = new ByteArrayContent(Body);
        }

        foreach (var (name, value) in Headers)
        {
            if (ContentHeaders.Contains(name, StringComparer.OrdinalIgnoreCase))
            {
                request.Content ??= new ByteArrayContent([]);
                request.Content.Headers.Remove(name);
                request.Content.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    /// <summary>The request as a command line that sends the same bytes again (curl for HTTP, the raw bytes for the others).</summary>
    public string Replay(Uri baseAddress)
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"#{Index} {Target} — {Mutation}\n");
        if (Transport == HostileTransport.Http)
        {
            if (Body is { Length: > 256 * 1024 })
            {
                text.Append(CultureInfo.InvariantCulture, $"# the body's {Body.Length} bytes are too many to print: the seed makes them again\n");
            }
            else if (Body is not null)
            {
                text.Append(CultureInfo.InvariantCulture, $"echo '{Convert.ToBase64String(Body)}' | base64 -d | ");
            }

            text.Append(CultureInfo.InvariantCulture, $"curl -si --path-as-is -X {Method} '{baseAddress.GetLeftPart(UriPartial.Authority)}{PathAndQuery}'");
            foreach (var (name, value) in Headers)
            {
                text.Append(CultureInfo.InvariantCulture, $" -H '{name}: {value.Replace("'", "'\\''", StringComparison.Ordinal)}'");
            }

            text.Append(Body is null ? "" : " --data-binary @-");
        }
        else
        {
            text.Append(CultureInfo.InvariantCulture, $"{Transport} {Method} {PathAndQuery}, body (base64): {Convert.ToBase64String(Body ?? [])}");
        }

        return text.ToString();
    }
}
