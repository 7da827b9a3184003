using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Cases;
using SupportBot.AccountDirectory.Mail;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Dialogs.Actions;

/// <summary>
/// <c>ouvrir-dossier</c> (<c>with: type: PhoneMismatch</c>...): opens a director case from the values the dialog
/// collected (parent, enfant, ecole, telephone, date-naissance, adresse), e-mails the school's director when the
/// school is known, and sets the value <c>reference</c> for the parent.
/// </summary>
internal sealed class OpenDirectorCaseAction : IDialogAction
{
    public string Name => "ouvrir-dossier";

    public IReadOnlySet<string> Outcomes { get; } = new HashSet<string> { "ouvert" };

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
        var cases = context.Services.GetRequiredService<DirectorCaseService>();
        var opened = await cases.OpenAsync(new NewDirectorCase(
            kind,
            turn.Activity.ChannelId ?? "inconnu",
            turn.IsSms ? turn.Activity.From?.Id : null,
            context.Value("ecole"),
            context.Value("enfant"),
            birthDate,
            context.Value("parent"),
            context.Value("telephone"),
            context.Value("adresse")), cancellationToken);
        context.Values["reference"] = opened.Reference;

        if (opened.SchoolId is { } schoolId)
        {
            var db = context.Services.GetRequiredService<DirectoryDbContext>();
            var director = (await db.Schools.AsNoTracking().FirstOrDefaultAsync(s => s.Id == schoolId, cancellationToken))?.DirectorMailbox;
            if (!string.IsNullOrWhiteSpace(director))
            {
                var values = new Dictionary<string, string>
                {
                    ["reference"] = opened.Reference,
                    ["motif"] = kind.ToString(),
                    ["parent"] = opened.ResponsableGiven ?? "-",
                    ["enfant"] = opened.PupilGiven ?? "-",
                    ["date-naissance"] = opened.PupilBirthDateGiven?.ToString("dd/MM/yyyy") ?? "-",
                    ["telephone"] = opened.PhoneGiven ?? "-",
                    ["adresse"] = opened.EmailGiven ?? "-",
                };
                await context.Services.GetRequiredService<IMailSender>().SendAsync(new OutgoingMail(
                    director,
                    context.Texts.Get(SystemTexts.DirectorMailSubject).Format(values).Web,
                    context.Texts.Get(SystemTexts.DirectorMailBody).Format(values).Web,
                    null,
                    Name), cancellationToken);
            }
        }

        return "ouvert";
    }
}
