using SupportBot.Bot.DirectLine;

namespace SupportBot.Bot.Tests.DirectLine;

public sealed class ConversationGateTests
{
    [Fact]
    public async Task SecondTurnOfAConversation_WaitsForTheFirst_OtherConversationsDoNot()
    {
        var gate = new ConversationGate();
        var first = await gate.EnterAsync("a", TestContext.Current.CancellationToken);

        var second = gate.EnterAsync("a", TestContext.Current.CancellationToken);
        var other = await gate.EnterAsync("b", TestContext.Current.CancellationToken);
        var waitedWhileHeld = !second.IsCompleted;
        first.Dispose();
        using var secondTurn = await second;

        Assert.True(waitedWhileHeld);
        other.Dispose();
        Assert.Equal(1, gate.ActiveConversations);
    }

    [Fact]
    public async Task AfterTheTurnsEnd_NoLockIsKept()
    {
        var gate = new ConversationGate();

        await Task.WhenAll(Enumerable.Range(0, 500).Select(async i =>
        {
            using var turn = await gate.EnterAsync($"conversation-{i % 50}", TestContext.Current.CancellationToken);
            await Task.Yield();
        }));

        Assert.Equal(0, gate.ActiveConversations);
    }

    [Fact]
    public async Task CancelledWait_LeavesNothingBehindAndTheNextTurnRuns()
    {
        var gate = new ConversationGate();
        var held = await gate.EnterAsync("a", TestContext.Current.CancellationToken);
        using var cancel = new CancellationTokenSource();

        var waiting = gate.EnterAsync("a", cancel.Token);
        await cancel.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => waiting);
        held.Dispose();

        Assert.Equal(0, gate.ActiveConversations);
        using var next = await gate.EnterAsync("a", TestContext.Current.CancellationToken);
        Assert.Equal(1, gate.ActiveConversations);
    }
}
