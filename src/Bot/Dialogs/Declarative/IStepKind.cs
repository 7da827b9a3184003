using SupportBot.Bot.Dialogs.Prompts;
using YamlDotNet.RepresentationModel;

namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>
/// One kind of declarative step (<c>kind: message</c>, <c>kind: ask</c>...): its schema (the keys it reads, parsed by
/// <see cref="Parse"/>) and its behaviour.
/// </summary>
internal interface IStepKind
{
    string Kind { get; }

    /// <summary>The keys this kind reads besides <c>id</c>, <c>kind</c> and <c>next</c>.</summary>
    IReadOnlySet<string> Keys { get; }

    /// <summary>Whether, without <c>next:</c>, the step goes on to the one below it.</summary>
    bool FallsThrough { get; }

    /// <summary>Whether the step can wait for the parent's answer (it asks something).</summary>
    bool Waits { get; }

    /// <summary>Reads and checks the step's configuration; reports problems to <paramref name="parser"/>.</summary>
    object Parse(YamlMappingNode node, StepParser parser);

    /// <summary>The texts this step can send, as configured (before values are filled in).</summary>
    IEnumerable<StepText> Texts(StepNode step, TextCatalog texts);

    /// <summary>The value the step asks for, if it asks one (<c>kind: ask</c>).</summary>
    AskedValue? Asks(StepNode step);

    /// <summary>Where the step goes when the parent's message holds a value of a prompt's kind instead of an answer: prompt id → target.</summary>
    IReadOnlyDictionary<string, Target> WhenGiven(StepNode step);

    Task<StepResult> RunAsync(StepRun run, CancellationToken cancellationToken);

    Task<StepResult> ResumeAsync(StepRun run, PromptResult? result, CancellationToken cancellationToken);
}
