using System.Globalization;
using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Conversations;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// One Direct Line turn: the bot runs the client's activity, and while it still holds the conversation (the dialog
/// state's lease, the one thing ordering a conversation's turns on every instance: <see cref="Dialogs.State.StateMiddleware"/>)
/// the activity (the echo Web Chat waits for, with its channelData) and the bot's replies, replyToId = that activity's
/// id, are appended to the conversation's log in one transaction; then streams are woken, on this instance and, through
/// the backplane, on the others.
/// </summary>
internal sealed class DirectLineTurns(
    IDirectLineConversationStore store,
    DirectLineBroadcaster broadcaster,
    DirectLineRedisBackplane backplane,
    IConversationBot bot,
    TimeProvider time,
    IOptions<DirectLineOptions> options)
{
    /// <returns>The id the client's activity got in the conversation.</returns>
    public async Task<string> PostAsync(string conversationId, string userId, JsonObject activity, string serviceUrl,
        CancellationToken cancellationToken, string? clientAddress = null)
    {
        var from = activity["from"] as JsonObject ?? new JsonObject();

        // The token says who the user is; a client cannot speak for another user.
        from["id"] = userId;
        from["role"] = "user";
        activity["from"] = from;
        activity["recipient"] = Bot();
        activity["serviceUrl"] = serviceUrl;
        activity["locale"] ??= "fr-FR";
        activity["channelId"] = DirectLineActivityIds.ChannelId;
        activity["conversation"] = new JsonObject { ["id"] = conversationId };
        activity.Remove("timestamp");

        // The bot sees the id the activity will have once recorded (replyToId), not one the client made up.
        var pending = DirectLineActivityIds.For(conversationId, 0);
        activity["id"] = pending;
        string? id = null;
        var recorded = new HashSet<string>(StringComparer.Ordinal);
        var replies = await bot.ProcessAsync(activity, clientAddress, async (turnReplies, token) =>
        {
            id = await AppendAsync(conversationId, userId, activity, turnReplies, null, serviceUrl, token);
            foreach (var reply in turnReplies)
            {
                recorded.Add(reply["id"]?.GetValue<string>() ?? "");
            }
        }, cancellationToken);

        // The turn failed before it could record (the apology is the reply), or added a reply after: kept, in order.
        var rest = replies.Where(r => !recorded.Contains(r["id"]?.GetValue<string>() ?? "")).ToList();
        if (id is null || rest.Count > 0)
        {
            var appended = await AppendAsync(conversationId, userId, id is null ? activity : null, rest, id, serviceUrl, cancellationToken);
            id ??= appended;
        }

        return id!;
    }

    /// <summary>
    /// Tells the bot that the user and the bot joined, so that it greets first (Web Chat shows it on opening); once, even
    /// when two requests start the conversation at the same time on two instances (the welcome is said once per
    /// conversation's state).
    /// </summary>
    public async Task StartAsync(string conversationId, string userId, string serviceUrl, CancellationToken cancellationToken)
    {
        var update = new JsonObject
        {
            ["type"] = "conversationUpdate",
            ["id"] = $"{conversationId}|start",
            ["channelId"] = DirectLineActivityIds.ChannelId,
            ["serviceUrl"] = serviceUrl,
            ["conversation"] = new JsonObject { ["id"] = conversationId },
            ["from"] = new JsonObject { ["id"] = userId, ["role"] = "user" },
            ["recipient"] = Bot(),
            ["membersAdded"] = new JsonArray(Bot(), new JsonObject { ["id"] = userId, ["role"] = "user" }),
            ["locale"] = "fr-FR",
        };
        var recorded = 0;
        var replies = await bot.ProcessAsync(update, null, async (turnReplies, token) =>
        {
            if (turnReplies.Count > 0)
            {
                await AppendAsync(conversationId, userId, null, turnReplies, null, serviceUrl, token);
            }

            recorded = turnReplies.Count;
        }, cancellationToken);
        if (replies.Count > recorded)
        {
            await AppendAsync(conversationId, userId, null, [.. replies.Skip(recorded)], null, serviceUrl, cancellationToken);
        }
    }

    /// <summary>
    /// The client's message (when given) then the replies, in one append; the replies to a message get replyToId = its id
    /// (<paramref name="replyTo"/> when the message was appended before). Returns the id of the first activity appended.
    /// </summary>
    private async Task<string> AppendAsync(string conversationId, string userId, JsonObject? incoming, IReadOnlyList<JsonObject> replies,
        string? replyTo, string serviceUrl, CancellationToken cancellationToken)
    {
        var activities = new List<JsonObject>(replies.Count + 1);
        if (incoming is not null)
        {
            activities.Add(incoming);
        }

        foreach (var reply in replies)
        {
            reply["from"] = Bot();
            reply["recipient"] = new JsonObject { ["id"] = userId, ["role"] = "user" };
            reply["serviceUrl"] = serviceUrl;
            reply["locale"] ??= "fr-FR";
            reply["channelId"] = DirectLineActivityIds.ChannelId;
            reply["conversation"] = new JsonObject { ["id"] = conversationId };
            activities.Add(reply);
        }

        if (activities.Count == 0)
        {
            return "";
        }

        var now = time.GetUtcNow().ToString("O", CultureInfo.InvariantCulture);
        var firstSequence = await store.AppendAsync(conversationId, activities.Count, (i, id) =>
        {
            var activity = activities[i];
            if (i == 0 && incoming is not null)
            {
                replyTo = id;
            }
            else if (replyTo is not null)
            {
                activity["replyToId"] = replyTo;
            }

            activity["id"] = id;
            activity["timestamp"] ??= now;
            return activity.ToJsonString();
        }, cancellationToken);
        broadcaster.Notify(conversationId);
        backplane.Publish(conversationId);
        return DirectLineActivityIds.For(conversationId, firstSequence);
    }

    private JsonObject Bot() => new() { ["id"] = options.Value.BotId, ["name"] = options.Value.BotName, ["role"] = "bot" };
}
