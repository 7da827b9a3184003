namespace SupportBot.Bot.Language;

/// <summary>Trains the intent model while the host starts, not on the first parent's message.</summary>
internal sealed class IntentModelWarmup(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        services.GetRequiredService<IIntentRecognizer>();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
