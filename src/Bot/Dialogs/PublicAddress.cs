using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.Dialogs;

/// <summary>
/// Where parents and directors reach the service, for the links SupportBot mails (reset page, workspace):
/// <c>Dialogs:PublicBaseUrl</c> when set (behind a proxy, the public name), else the address the service listens on, so
/// that the links of a service started as the README says work as they are.
/// </summary>
internal sealed class PublicAddress(IOptions<DialogsOptions> options, IServiceProvider services)
{
    /// <summary>The address of the README's set-up (<c>dotnet run --project src/Bot</c>), for tools that run no server.</summary>
    public const string Default = "http://localhost:5080";

    public string BaseUrl => (options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured : Listening() ?? Default).TrimEnd('/');

    private string? Listening()
    {
        var address = services.GetService<IServer>()?.Features.Get<IServerAddressesFeature>()?.Addresses.FirstOrDefault();
        if (address is null || !Uri.TryCreate(address.Replace("://+", "://localhost", StringComparison.Ordinal)
                .Replace("://*", "://localhost", StringComparison.Ordinal), UriKind.Absolute, out var uri))
        {
            return null;
        }

        // A service listening on every interface is reached by its name, not by 0.0.0.0.
        var host = uri.Host is "0.0.0.0" or "[::]" or "::" ? "localhost" : uri.Host;
        return new UriBuilder(uri) { Host = host }.Uri.GetLeftPart(UriPartial.Authority);
    }
}
