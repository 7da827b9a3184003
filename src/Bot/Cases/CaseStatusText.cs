using SupportBot.AccountDirectory.Cases;
using SupportBot.Bot.Dialogs.Declarative;

namespace SupportBot.Bot.Cases;

/// <summary>Where a case stands, in the parent's words of dialogs/textes.yaml: its reference, state and date, nothing personal.</summary>
internal static class CaseStatusText
{
    public static MessageText Describe(TextCatalog texts, CaseStatus status)
    {
        var (name, at) = status switch
        {
            { Status: DirectorCaseStatus.Resolved, ResolvedAt: { } resolved } => (CaseTexts.DossierStatutTraite, resolved),
            { HasSchool: true } => (CaseTexts.DossierStatutEcole, status.OpenedAt),
            _ => (CaseTexts.DossierStatutAcademie, status.OpenedAt),
        };
        return texts.Get(name).Format(new Dictionary<string, string> { ["reference"] = status.Reference, ["date"] = CaseDescription.Date(at) });
    }
}
