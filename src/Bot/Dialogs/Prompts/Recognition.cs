namespace SupportBot.Bot.Dialogs.Prompts;

/// <summary>
/// A prompt's reading of the parent's answer: a value (<see cref="Guess"/> when read from a word inside a longer
/// message), or the name of the problem (which chooses the retry text).
/// </summary>
internal sealed record Recognition<T>(bool Succeeded, T? Value, string? Problem = null, bool Guess = false)
{
    public const string NotRecognized = "not-recognized";
    public const string NotFound = "not-found";

    public static Recognition<T> Success(T value) => new(true, value);

    public static Recognition<T> Guessed(T value) => new(true, value, Guess: true);

    public static Recognition<T> Failure(string problem = NotRecognized) => new(false, default, problem);

    /// <summary>Refused for a reason of its own (a retry-when problem), rather than because nothing was found.</summary>
    public bool Mistaken => !Succeeded && Problem is not (NotRecognized or NotFound or null);
}
