using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Cases;

namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// <c>prevenir-dossier</c>: the parent wants to be told when the last case of this conversation is treated, at the
/// value <c>adresse</c> (e-mail) or <c>telephone</c> (SMS). <c>note</c>, or <c>aucun-dossier</c> when the conversation has none.
/// </summary>
internal sealed class SetCaseContactAction : IDialogAction
{
    public string Name => "prevenir-dossier";

    public IReadOnlySet<string> Outcomes { get; } = new HashSet<string> { "note", "aucun-dossier" };

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>();

    public async Task<string> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        if (context.Turn.Conversation.Cases is not [.., var reference])
        {
            return "aucun-dossier";
        }

        var cases = context.Services.GetRequiredService<DirectorCaseService>();
        var email = context.Value("adresse");
        var phone = email is null ? context.Value("telephone") : null;
        if (!await cases.SetContactAsync(reference, email, phone, cancellationToken))
        {
            return "aucun-dossier";
        }

        context.Values["reference"] = reference;
        return "note";
    }
}
