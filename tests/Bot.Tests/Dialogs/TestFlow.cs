using System.Runtime.CompilerServices;
using SupportBot.Bot.Activities;
using SupportBot.Bot.Dialogs.Turns;

namespace SupportBot.Bot.Tests.Dialogs;

/// <summary>
/// A conversation script in the spirit of Bot Framework's TestFlow: <c>await flow.Send("...").AssertReply("...")</c>.
/// Each Send is one turn through the engine, in-process; replies are checked in order (typing indicators skipped).
/// </summary>
internal sealed class TestFlow(BotEngine engine, string channel, string conversationId, string userId)
{
    private readonly Queue<Activity> _replies = new();
    private Task _chain = Task.CompletedTask;

    public string ConversationId => conversationId;

    /// <summary>Every message the bot sent so far.</summary>
    public List<Activity> Transcript { get; } = [];

    public TestFlow Send(string text) => Then(() => TurnAsync(new Activity { Type = ActivityTypes.Message, Text = text }));

    /// <summary>The parent opening the chat (Web Chat sends conversationUpdate).</summary>
    public TestFlow Join() => Then(() => TurnAsync(new Activity
    {
        Type = ActivityTypes.ConversationUpdate,
        MembersAdded = [new ChannelAccount(userId, "Parent")],
    }));

    /// <summary>The next reply contains <paramref name="fragment"/>.</summary>
    public TestFlow AssertReply(string fragment) => AssertReply(reply =>
        Assert.True(reply.Text?.Contains(fragment, StringComparison.Ordinal) == true,
            $"Expected a reply containing « {fragment} », got « {reply.Text} »."));

    public TestFlow AssertReply(Action<Activity> check) => Then(() =>
    {
        Assert.True(_replies.Count > 0, "Expected a reply, the bot sent nothing more.");
        check(_replies.Dequeue());
        return Task.CompletedTask;
    });

    public TestFlow AssertNoReply() => Then(() =>
    {
        if (_replies.Count > 0)
        {
            Assert.Fail($"Expected no more replies, got « {_replies.Peek().Text} ».");
        }

        return Task.CompletedTask;
    });

    public TaskAwaiter GetAwaiter() => _chain.GetAwaiter();

    private TestFlow Then(Func<Task> next)
    {
        var previous = _chain;
        _chain = Run();
        return this;

        async Task Run()
        {
            await previous;
            await next();
        }
    }

    private async Task TurnAsync(Activity activity)
    {
        Assert.True(_replies.Count == 0, $"Unchecked reply before the next turn: « {(_replies.Count > 0 ? _replies.Peek().Text : "")} ».");
        activity.Id = Guid.NewGuid().ToString("N");
        activity.ChannelId = channel;
        activity.From = new ChannelAccount(userId, "Parent", "user");
        activity.Recipient = new ChannelAccount("supportbot", "SupportBot", "bot");
        activity.Conversation = new ConversationAccount(conversationId);
        activity.Locale = "fr-FR";
        foreach (var reply in await engine.ProcessAsync(activity, cancellationToken: TestContext.Current.CancellationToken))
        {
            if (reply.Type == ActivityTypes.Message)
            {
                _replies.Enqueue(reply);
                Transcript.Add(reply);
            }
        }
    }
}
