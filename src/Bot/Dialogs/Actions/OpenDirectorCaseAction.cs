using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Cases;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// <c>ouvrir-dossier</c> (<c>with: type: PhoneMismatch</c>...): opens a case from the values the dialog collected
/// (parent, enfant, ecole and ecole-uai from <c>kind: school</c>, telephone, date-naissance, adresse, identifiant), for
/// the school the parent confirmed or, when none was found, for the académie; mails its destination at once (the
/// dispatcher retries if that fails). Sets <c>reference</c> and <c>destination</c> (« au directeur ou à la directrice de
/// l'Ecole ..., à Rennes » / « à l'assistance de l'académie, ... »): the parent is told exactly where the request went.
/// The same request twice within a day gives the first reference; past the limits, <c>limite</c> and nothing is written.
/// </summary>
internal sealed class OpenDirectorCaseAction(CaseLinks links) : IDialogAction
{
    // A conversation opens 3 cases a day by default; the state keeps the last few for the greeting and « prévenir ».
    private const int MaxCasesRemembered = 10;

    public string Name => "ouvrir-dossier";

    public IReadOnlySet<string> Outcomes { get; } = new HashSet<string> { "ouvert", "limite" };

    public IReadOnlySet<string> Parameters { get; } = new HashSet<string> { "type" };

    public string? CheckArgument(string parameter, string value) =>
        Enum.TryParse<DirectorCaseKind>(value, out _) && !int.TryParse(value, out _)
            ? null
            : $"« {value} » is not a case type (expected: {string.Join(", ", Enum.GetNames<DirectorCaseKind>())}).";

    public async Task<string> RunAsync(DialogActionContext context, CancellationToken cancellationToken)
    {
        var kind = Enum.Parse<DirectorCaseKind>(context.Arguments["type"]);
        var turn = context.Turn;
        DateOnly? birthDate = DateOnly.TryParseExact(context.Value("date-naissance"), "yyyy-MM-dd", out var date) ? date : null;
        var requester = new RequesterKeys(
            links.RequesterKey("conversation", turn.ConversationKey),
            links.RequesterKey("sender", turn.UserKey),
            links.RequesterKey("client", turn.ClientAddress));
        var opening = await context.Services.GetRequiredService<DirectorCaseService>().OpenAsync(new NewDirectorCase(
            kind,
            turn.Activity.ChannelId ?? "inconnu",
            turn.IsSms ? turn.Activity.From?.Id : null,
            SchoolGiven: context.Value("ecole"),
            PupilGiven: context.Value("enfant"),
            PupilBirthDateGiven: birthDate,
            ResponsableGiven: context.Value("parent"),
            PhoneGiven: context.Value("telephone"),
            EmailGiven: context.Value("adresse"),
            SchoolUai: context.Value("ecole-uai") is { Length: > 0 } uai ? uai : null,
            IdentifierGiven: context.Value("identifiant"),
            Requester: requester), cancellationToken);
        if (opening.Case is not { } opened)
        {
            return "limite";
        }

        context.Values["reference"] = opened.Reference;
        var values = new Dictionary<string, string>
        {
            ["ecole-designation"] = opened.School is { } school ? CaseDescription.Designation(school.Name) : "",
            ["ecole-commune"] = opened.School?.Commune ?? "",
        };
        var destination = context.Texts.Get(opened.School is null ? CaseTexts.DestinationAcademie : CaseTexts.DestinationEcole).Format(values);
        context.Values["destination"] = turn.IsSms ? destination.Sms : destination.Web;
        turn.Conversation.Cases.Remove(opened.Reference);
        turn.Conversation.Cases.Add(opened.Reference);
        if (turn.Conversation.Cases.Count > MaxCasesRemembered)
        {
            turn.Conversation.Cases.RemoveAt(0);
        }

        if (opening.Outcome == CaseOpeningOutcome.Opened)
        {
            // At once, so that the school hears of it now; a failure or the hourly cap leaves it to the dispatcher.
            await context.Services.GetRequiredService<CaseDispatcher>().RunOnceAsync(opened.Id, cancellationToken);
        }

        return "ouvert";
    }
}
