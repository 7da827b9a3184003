using System.Net.WebSockets;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// A conversation's WebSocket stream: each ActivitySet is sent once the store has it, from the client's watermark on.
/// The stream wakes on <see cref="DirectLineBroadcaster"/>'s signals (this instance's turns, and the others' through
/// the backplane) and otherwise polls the store, so a lost signal costs a poll, not an activity. The client sends
/// nothing but its close.
/// </summary>
internal static class DirectLineStream
{
    public static RouteGroupBuilder MapDirectLineStream(this RouteGroupBuilder group)
    {
        group.Map("/conversations/{conversationId}/stream", StreamAsync);
        return group;
    }

    private static async Task<Results<EmptyHttpResult, JsonHttpResult<DirectLineError>>> StreamAsync(string conversationId, HttpContext context,
        DirectLineTokenService tokens, IDirectLineConversationStore store, DirectLineBroadcaster broadcaster, IOptions<DirectLineOptions> options)
    {
        var (conversation, error) = await DirectLineRequest.AuthorizeAsync(context, conversationId, tokens, store, context.RequestAborted,
            context.Request.Query["t"].FirstOrDefault());
        if (error is not null)
        {
            return error;
        }

        if (!context.WebSockets.IsWebSocketRequest)
        {
            return DirectLineError.Result(400, "BadArgument", "This URL takes a WebSocket connection.");
        }

        await RunAsync(context, conversation!.Id, store, broadcaster, options.Value);
        return TypedResults.Empty;
    }

    private static async Task RunAsync(HttpContext context, string conversationId, IDirectLineConversationStore store,
        DirectLineBroadcaster broadcaster, DirectLineOptions options)
    {
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var (subscription, signals) = broadcaster.Subscribe(conversationId);
        using var closed = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted);
        var receiving = DrainUntilClosedAsync(socket, closed);
        try
        {
            var watermark = DirectLineActivityIds.ParseWatermark(context.Request.Query["watermark"].FirstOrDefault());
            while (!closed.IsCancellationRequested && socket.State == WebSocketState.Open)
            {
                var page = await store.ReadAsync(conversationId, watermark, closed.Token);
                if (page.Activities.Count > 0)
                {
                    await socket.SendAsync(page.ToUtf8Json(), WebSocketMessageType.Text, true, closed.Token);
                }

                watermark = page.Watermark;

                using var wait = CancellationTokenSource.CreateLinkedTokenSource(closed.Token);
                wait.CancelAfter(TimeSpan.FromSeconds(options.StreamPollSeconds));
                try
                {
                    await signals.ReadAsync(wait.Token);
                }
                catch (OperationCanceledException) when (!closed.IsCancellationRequested)
                {
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            broadcaster.Unsubscribe(conversationId, subscription);
            await closed.CancelAsync();
            await receiving;
            if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, CancellationToken.None);
            }
        }
    }

    private static async Task DrainUntilClosedAsync(WebSocket socket, CancellationTokenSource closed)
    {
        var buffer = new byte[1024];
        try
        {
            while (!closed.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, closed.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
        }
        finally
        {
            await closed.CancelAsync();
        }
    }
}
