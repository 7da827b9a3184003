using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using static SupportBot.Bot.DirectLine.DirectLineServiceCollectionExtensions;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// Direct Line 3.0 as Microsoft Web Chat (botframework-directlinejs) speaks it, served by SupportBot itself:
/// https://learn.microsoft.com/azure/bot-service/rest-api/bot-framework-rest-direct-line-3-0-api-reference
/// </summary>
internal static class DirectLineEndpoints
{
    public static WebApplication MapDirectLine(this WebApplication app)
    {
        var group = app.MapGroup("/v3/directline").RequireCors(CorsPolicy);
        group.MapDirectLineTokens(app);
        group.MapPost("/conversations", StartConversationAsync);
        group.MapGet("/conversations/{conversationId}", ReconnectAsync);
        group.MapPost("/conversations/{conversationId}/activities", PostActivityAsync);
        group.MapGet("/conversations/{conversationId}/activities", GetActivitiesAsync);
        group.MapDirectLineStream();
        return app;
    }

    private static async Task<Results<Ok<DirectLineConversationResponse>, Created<DirectLineConversationResponse>, JsonHttpResult<DirectLineError>>>
        StartConversationAsync(HttpContext context, DirectLineTokenService tokens, IDirectLineConversationStore store, DirectLineTurns turns,
            CancellationToken cancellationToken)
    {
        var (conversation, error) = await DirectLineRequest.OpenAsync(context, tokens, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var token = tokens.Issue(conversation!.Id, conversation.UserId);
        var response = new DirectLineConversationResponse(conversation.Id, token.Token, token.ExpiresIn,
            DirectLineRequest.StreamUrl(context, conversation.Id, token.Token, watermark: null));
        if (conversation.LastSequence > 0)
        {
            return TypedResults.Ok(response);
        }

        await turns.StartAsync(conversation.Id, conversation.UserId, DirectLineRequest.ServiceUrl(context), cancellationToken);

        return TypedResults.Created($"/v3/directline/conversations/{conversation.Id}", response);
    }

    private static async Task<Results<Ok<DirectLineConversationResponse>, JsonHttpResult<DirectLineError>>> ReconnectAsync(string conversationId,
        string? watermark, HttpContext context, DirectLineTokenService tokens, IDirectLineConversationStore store, CancellationToken cancellationToken)
    {
        var (conversation, error) = await DirectLineRequest.AuthorizeAsync(context, conversationId, tokens, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var token = tokens.Issue(conversation!.Id, conversation.UserId);
        return TypedResults.Ok(new DirectLineConversationResponse(conversation.Id, token.Token, token.ExpiresIn,
            DirectLineRequest.StreamUrl(context, conversation.Id, token.Token, watermark)));
    }

    private static async Task<Results<Ok<DirectLineResourceResponse>, JsonHttpResult<DirectLineError>>> PostActivityAsync(string conversationId,
        HttpContext context, DirectLineTokenService tokens, IDirectLineConversationStore store, DirectLineTurns turns,
        IOptions<DirectLineOptions> options, CancellationToken cancellationToken)
    {
        var (conversation, error) = await DirectLineRequest.AuthorizeAsync(context, conversationId, tokens, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var body = await DirectLineRequest.ReadJsonAsync(context, optional: false, cancellationToken);
        var serviceUrl = DirectLineRequest.ServiceUrl(context);
        var (activity, refused) = body.Error is null
            ? DirectLineActivityCheck.Read(body.Json, options.Value.MaxTextLength, json => turns.Address(json, conversation!.Id, conversation.UserId, serviceUrl))
            : (null, body.Error);
        if (refused is not null)
        {
            return refused;
        }

        try
        {
            var id = await turns.PostAsync(conversation!.Id, conversation.UserId, (JsonObject)body.Json!, activity!, serviceUrl, cancellationToken,
                context.Connection.RemoteIpAddress?.ToString());
            return TypedResults.Ok(new DirectLineResourceResponse(id));
        }
        catch (DirectLineConversationGoneException)
        {
            return DirectLineError.NotFound();
        }
    }

    private static async Task<Results<FileContentHttpResult, JsonHttpResult<DirectLineError>>> GetActivitiesAsync(string conversationId, string? watermark,
        HttpContext context, DirectLineTokenService tokens, IDirectLineConversationStore store, CancellationToken cancellationToken)
    {
        var (conversation, error) = await DirectLineRequest.AuthorizeAsync(context, conversationId, tokens, store, cancellationToken);
        if (error is not null)
        {
            return error;
        }

        var page = await store.ReadAsync(conversation!.Id, DirectLineActivityIds.ParseWatermark(watermark), cancellationToken);
        return TypedResults.Bytes(page.ToUtf8Json(), "application/json; charset=utf-8");
    }
}
