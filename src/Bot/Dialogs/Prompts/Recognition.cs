namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>A prompt's reading of the parent's answer: a value, or the name of the problem (which chooses the retry text).</summary>
internal sealed record Recognition<T>(bool Succeeded, T? Value, string? Problem = null)
{
    public static Recognition<T> Success(T value) => new(true, value);

    public static Recognition<T> Failure(string problem = "not-recognized") => new(false, default, problem);
}
