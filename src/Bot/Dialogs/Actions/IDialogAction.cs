namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// A step that needs code (look up an account, send an e-mail, open a director case), called by name from
/// <c>kind: action</c>. It reads and writes the dialog's values and returns one of its <see cref="Outcomes"/>.
/// Actions are singletons: per-turn services come from <see cref="DialogActionContext.Services"/>.
/// </summary>
internal interface IDialogAction
{
    string Name { get; }

    IReadOnlySet<string> Outcomes { get; }

    IReadOnlySet<string> Parameters { get; }

    IReadOnlySet<string> RequiredParameters => Parameters;

    /// <summary>Why <paramref name="value"/> is not acceptable for <paramref name="parameter"/>, or null; checked when the files load.</summary>
    string? CheckArgument(string parameter, string value) => null;

    Task<string> RunAsync(DialogActionContext context, CancellationToken cancellationToken);
}
