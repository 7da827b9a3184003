namespace SupportBot.Bot.Commands;

/// <summary>
/// Where a command reads and writes, and whether a person sits at each end: a prompt only for a person typing, a progress
/// line or a table header only for a person reading, never into a pipe or a test's writer.
/// </summary>
internal sealed record Terminal(TextReader Input, TextWriter Output, TextWriter Error)
{
    public bool InputIsPerson { get; init; }

    public bool OutputIsPerson { get; init; }

    public bool ErrorIsPerson { get; init; }

    /// <summary>The process's own standard streams.</summary>
    public static Terminal Console => new(System.Console.In, System.Console.Out, System.Console.Error)
    {
        InputIsPerson = !System.Console.IsInputRedirected,
        OutputIsPerson = !System.Console.IsOutputRedirected,
        ErrorIsPerson = !System.Console.IsErrorRedirected,
    };
}
