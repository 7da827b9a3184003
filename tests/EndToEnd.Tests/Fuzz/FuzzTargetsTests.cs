using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace SupportBot.EndToEnd.Tests.Fuzz;

/// <summary>The fuzz aims at every endpoint the service maps: one added to Program.cs without a recipe in <see cref="HostileRequestGenerator"/> fails here.</summary>
public sealed class FuzzTargetsTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("supportbot-fuzz-targets-").FullName;

    [Fact]
    public async Task EveryMappedEndpoint_IsAFuzzTarget()
    {
        await using var factory = new WebApplicationFactory<Program>().WithWebHostBuilder(web =>
        {
            web.UseEnvironment("Production");
            web.UseSetting("Data:Folder", _folder);
            // Every optional endpoint on, as the fuzz runs the service.
            web.UseSetting("AzureBotService:MicrosoftAppId", AzureStandIn.AppId);
            web.UseSetting("Nlu:EnableApi", "true");
        });
        var context = new FuzzContext(new Uri("http://127.0.0.1/"), "", [], "", "", "", "", "", "", () => "");

        var mapped = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Select(e => $"{(e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods is [_, ..] methods ? string.Join(",", methods) : "*")} {e.RoutePattern.RawText}")
            .Order(StringComparer.Ordinal).ToList();
        var targets = new HostileRequestGenerator(0, context).Targets.Select(t => t.Target).Where(t => !t.StartsWith('(')).Order(StringComparer.Ordinal).ToList();

        Assert.Equal(mapped, targets);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_folder, true);
    }
}
