using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Conversations;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// One Direct Line turn: the client's activity is stored (it is the echo Web Chat waits for, with its channelData),
/// handed to the bot, and the bot's replies are stored with replyToId = that activity's id, then streams are woken, on
/// this instance and, through the backplane, on the others. A turn holds its conversation from the first store to the
/// last, within this instance (<see cref="ConversationGate"/>, so that waiting turns do not poll the database) and
/// across instances (<see cref="ConversationTurnLease"/>), so that a message's replies always follow it.
/// </summary>
internal sealed class DirectLineTurns(
    DirectLineConversationStore store,
    DirectLineBroadcaster broadcaster,
    DirectLineRedisBackplane backplane,
    ConversationGate gate,
    ConversationTurnLease lease,
    IConversationBot bot,
    IOptions<DirectLineOptions> options)
{
    public async Task<string> PostAsync(string conversationId, string userId, JsonObject activity, string serviceUrl,
        CancellationToken cancellationToken, string? clientAddress = null)
    {
        using var turn = await gate.EnterAsync(conversationId, cancellationToken);
        await using var held = await lease.AcquireAsync(conversationId, cancellationToken);
        var from = activity["from"] as JsonObject ?? new JsonObject();

        // The token says who the user is; a client cannot speak for another user.
        from["id"] = userId;
        from["role"] = "user";
        activity["from"] = from;
        activity["recipient"] = Bot();
        activity["serviceUrl"] = serviceUrl;
        activity["locale"] ??= "fr-FR";
        activity.Remove("id");
        activity.Remove("timestamp");
        var stored = (await store.AppendAsync(conversationId, [activity], cancellationToken))[0];
        Signal(conversationId);

        await RunBotAsync(conversationId, userId, stored, serviceUrl, cancellationToken, clientAddress);
        return stored["id"]!.GetValue<string>();
    }

    /// <summary>
    /// Tells the bot that the user and the bot joined, so that it greets first (Web Chat shows it on opening); once, even
    /// when two requests start the conversation at the same time on two instances.
    /// </summary>
    public async Task StartAsync(string conversationId, string userId, string serviceUrl, CancellationToken cancellationToken)
    {
        var update = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = $"{conversationId}|start",
            ["channelId"] = DirectLineConversationStore.ChannelId,
            ["serviceUrl"] = serviceUrl,
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = userId, ["role"] = "user" },
            ["recipient"] = Bot(),
            ["membersAdded"] = new JsonArray(Bot(), new JsonObject { ["id"] = userId, ["role"] = "user" }),
            ["locale"] = "fr-FR",
        };
        using var turn = await gate.EnterAsync(conversationId, cancellationToken);
        await using var held = await lease.AcquireAsync(conversationId, cancellationToken);
        if ((await store.FindAsync(conversationId, cancellationToken))?.LastSequence > 0)
        {
            return;
        }

        await RunBotAsync(conversationId, userId, update, serviceUrl, cancellationToken);
    }

    private async Task RunBotAsync(string conversationId, string userId, JsonObject incoming, string serviceUrl,
        CancellationToken cancellationToken, string? clientAddress = null)
    {
        var replies = await bot.ProcessAsync(DirectLineAdapter.ToActivity(incoming), clientAddress, cancellationToken);
        var outgoing = new List<JsonObject>(replies.Count);
        foreach (var reply in replies)
        {
            var activity = DirectLineAdapter.ToJson(reply);
            activity.Remove("id");
            activity["from"] = Bot();
            activity["recipient"] = new JsonObject { ["id"] = userId, ["role"] = "user" };
            activity["serviceUrl"] = serviceUrl;
            activity["locale"] ??= "fr-FR";
            if (incoming["type"]?.GetValue<string>() == "message")
            {
                activity["replyToId"] = incoming["id"]!.GetValue<string>();
            }

            outgoing.Add(activity);
        }

        await store.AppendAsync(conversationId, outgoing, cancellationToken);
        Signal(conversationId);
    }

    private void Signal(string conversationId)
    {
        broadcaster.Notify(conversationId);
        backplane.Publish(conversationId);
    }

    private JsonObject Bot() => new() { ["id"] = options.Value.BotId, ["name"] = options.Value.BotName, ["role"] = "bot" };
}
