using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Conversations;
using static SupportBot.Bot.AzureBotService.AzureBotServiceServiceCollectionExtensions;

namespace SupportBot.Bot.AzureBotService;

/// <summary>
/// /api/messages as Azure Bot Service calls it: a Bot Framework activity with a channel JWT; replies go back through
/// the Connector REST API. https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-connector-api-reference
/// </summary>
internal static class AzureBotServiceEndpoints
{
    private const int MaxBodyBytes = 256 * 1024;

    public static WebApplication MapAzureBotService(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<AzureBotServiceOptions>>().Value.IsEnabled)
        {
            app.MapPost("/api/messages", ReceiveAsync).RequireAuthorization(Scheme);
        }

        return app;
    }

    private static async Task<Results<Ok, ProblemHttpResult>> ReceiveAsync(HttpContext context, IConversationBot bot, ConnectorClient connector,
        CancellationToken cancellationToken)
    {
        var body = await IncomingJson.ReadAsync(context.Request, MaxBodyBytes, optional: false, cancellationToken);
        if (body.Problem is { } unreadable)
        {
            return TypedResults.Problem(unreadable.Message, statusCode: unreadable.Status, title: unreadable.Code);
        }

        var (activity, problem) = AzureBotServiceAdapter.Read(body.Json);
        if (activity is null)
        {
            return TypedResults.Problem(problem, statusCode: 400);
        }

        // The channel's token names the serviceUrl it may be answered at: a token for one channel cannot send our
        // replies (and the parent's data) to another address.
        var allowed = context.User.FindFirst("serviceurl")?.Value;
        if (allowed is not null && !string.Equals(allowed.TrimEnd('/'), activity.ServiceUrl!.TrimEnd('/'), StringComparison.OrdinalIgnoreCase))
        {
            return TypedResults.Problem("serviceUrl does not match the token.", statusCode: 403);
        }

        foreach (var reply in await bot.ProcessAsync(activity, cancellationToken))
        {
            await connector.ReplyAsync(activity.ServiceUrl!, activity.Conversation!.Id, activity.Id!, AzureBotServiceAdapter.Reply(reply, activity), cancellationToken);
        }

        return TypedResults.Ok();
    }
}
