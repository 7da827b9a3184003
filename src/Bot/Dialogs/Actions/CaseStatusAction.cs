using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.State;

namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// <c>statut-dossier</c>: where the case of the value <c>reference</c> stands, as the value <c>statut</c> (state and date,
/// nothing personal): <c>connue</c>, <c>inconnue</c>. References are random, but guesses are limited per sender and per
/// client address (<see cref="CasesOptions.UnknownReferencesPerHour"/>): past the limit, <c>limite</c> whatever the reference.
/// </summary>
internal sealed class CaseStatusAction(IDialogStateStore store, CaseLinks links, IOptions<CasesOptions> options) : IDialogAction
{
    public string Name => "statut-dossier";

    public IReadOnlySet<string> Outcomes { get; } = new HashSet<string> { "connue", "inconnue", "limite" };

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string>();

    public async Task<string> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var reference = DirectorCaseService.NormalizeReference(
            context.Value("reference") ?? throw new InvalidOperationException($"{context.Position}: no value « reference » to look up."));
        context.Values["reference"] = reference;
        var turn = context.Turn;
        var now = turn.Time.GetUtcNow().ToUnixTimeMilliseconds();
        var since = now - 3_600_000L;
        var keys = new List<string> { turn.UserKey };
        if (links.RequesterKey("client", turn.ClientAddress) is { } client)
        {
            keys.Add("client/" + client);
        }

        foreach (var key in keys)
        {
            if (!await store.UpdateUserAsync(key, user => Count(user, since) < options.Value.UnknownReferencesPerHour, cancellationToken))
            {
                return "limite";
            }
        }

        var status = await context.Services.GetRequiredService<DirectorCaseService>().StatusAsync(reference, cancellationToken);
        if (status is null)
        {
            foreach (var key in keys)
            {
                await store.UpdateUserAsync(key, user =>
                {
                    user.UnknownReferences.RemoveAll(t => t <= since);
                    user.UnknownReferences.Add(now);
                    return true;
                }, cancellationToken);
            }

            return "inconnue";
        }

        var text = CaseStatusText.Describe(context.Texts, status);
        context.Values["statut"] = turn.IsSms ? text.Sms : text.Web;
        return "connue";
    }

    // Reading only: the update writes nothing (returns whether the sender may ask).
    private static int Count(Turns.UserData user, long since) => user.UnknownReferences.Count(t => t > since);
}
