using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using SupportBot.Bot.Activities;
using SupportBot.Bot.Conversations;

namespace SupportBot.Bot.DirectLine;

/// <summary>
/// One Direct Line turn: the bot runs the client's activity and, while it still holds the conversation (the dialog
/// state's lease, the one thing that orders a conversation's turns on every channel and instance:
/// <see cref="Dialogs.State.StateMiddleware"/>), the activity (the echo Web Chat waits for, channelData and all) and the
/// bot's replies (replyToId = that activity's id) are appended to the conversation's log in one transaction; then
/// streams are woken, on this instance and, through the backplane, on the others.
/// </summary>
internal sealed class DirectLineTurns(
    IDirectLineConversationStore store,
    DirectLineBroadcaster broadcaster,
    DirectLineRedisBackplane backplane,
    IConversationBot bot,
    TimeProvider time,
    IOptions<DirectLineOptions> options)
{
    /// <summary>
    /// The client's activity as this conversation receives it (from the token's user, to the bot, in this channel and
    /// conversation), before it is checked: <see cref="DirectLineAdapter.Address"/>.
    /// </summary>
    public void Address(JsonObject activity, string conversationId, string userId, string serviceUrl) =>
        DirectLineAdapter.Address(activity, conversationId, userId, serviceUrl, BotAccount());

    /// <param name="json">The client's activity as addressed, stored as it is (Web Chat waits for that echo).</param>
    /// <param name="activity">The same, typed, for the bot.</param>
    /// <returns>The id the client's activity got in the conversation.</returns>
    public async Task<string> PostAsync(string conversationId, string userId, JsonObject json, Activity activity, string serviceUrl,
        CancellationToken cancellationToken, string? clientAddress = null)
    {
        string? id = null;
        var recorded = new HashSet<Activity>(ReferenceEqualityComparer.Instance);
        var replies = await bot.ProcessAsync(activity, clientAddress, async (turnReplies, token) =>
        {
            id = await AppendAsync(conversationId, userId, json, turnReplies, null, serviceUrl, token);
            recorded.UnionWith(turnReplies);
        }, cancellationToken);

        // The turn failed before it could record (its reply is the apology), or replied after recording: kept, in order.
        var rest = replies.Where(r => !recorded.Contains(r)).ToList();
        if (id is null || rest.Count > 0)
        {
            var first = await AppendAsync(conversationId, userId, id is null ? json : null, rest, id, serviceUrl, cancellationToken);
            id ??= first;
        }

        return id!;
    }

    /// <summary>
    /// Tells the bot that the user and the bot joined, so that it greets first (Web Chat shows it on opening); once, even
    /// when two requests start the conversation at the same time on two instances: the welcome is said once per
    /// conversation state, and the state is read and written under the conversation's lease.
    /// </summary>
    public async Task StartAsync(string conversationId, string userId, string serviceUrl, CancellationToken cancellationToken)
    {
        var update = new Activity
        {
            Type = ActivityTypes.ConversationUpdate,
            Id = $"{conversationId}|start",
            ChannelId = DirectLineActivityIds.ChannelId,
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(conversationId),
            From = new ChannelAccount(userId, Role: "user"),
            Recipient = BotAccount(),
            MembersAdded = [BotAccount(), new ChannelAccount(userId, Role: "user")],
            Locale = "fr-FR",
        };
        var recorded = 0;
        var replies = await bot.ProcessAsync(update, null, async (turnReplies, token) =>
        {
            await AppendAsync(conversationId, userId, null, turnReplies, null, serviceUrl, token);
            recorded = turnReplies.Count;
        }, cancellationToken);
        await AppendAsync(conversationId, userId, null, [.. replies.Skip(recorded)], null, serviceUrl, cancellationToken);
    }

    /// <summary>
    /// The client's activity (when given) then the replies, in one append; replies to it get replyToId = its id
    /// (<paramref name="replyTo"/> when it was appended before). Returns the id of the first activity appended.
    /// </summary>
    private async Task<string?> AppendAsync(string conversationId, string userId, JsonObject? incoming, IReadOnlyList<Activity> replies,
        string? replyTo, string serviceUrl, CancellationToken cancellationToken)
    {
        var count = replies.Count + (incoming is null ? 0 : 1);
        if (count == 0)
        {
            return null;
        }

        var now = time.GetUtcNow();
        var first = await store.AppendAsync(conversationId, count, (i, id) =>
        {
            if (incoming is not null && i == 0)
            {
                replyTo = id;
                return DirectLineAdapter.Stored(incoming, id, now);
            }

            var reply = replies[incoming is null ? i : i - 1];
            return DirectLineAdapter.Stored(reply, id, replyTo, conversationId, userId, serviceUrl, BotAccount(), now);
        }, cancellationToken);
        broadcaster.Notify(conversationId);
        backplane.Publish(conversationId);
        return DirectLineActivityIds.For(conversationId, first);
    }

    private ChannelAccount BotAccount() => new(options.Value.BotId, options.Value.BotName, "bot");
}
