namespace SupportBot.Bot.Dialogs.Declarative;

/// <summary>The names of the texts the engine and the actions use; each must be defined in a texts file.</summary>
internal static class SystemTexts
{
    public const string Error = "erreur";
    public const string StaleState = "reprise-apres-mise-a-jour";
    public const string AnswerWithNumber = "repondez-numero";
    public const string Clarification = "clarification";
    public const string ClarificationMenu = "clarification-menu";
    public const string Yes = "oui";
    public const string No = "non";
    public const string TooManyLookups = "trop-de-recherches";
    public const string IdentifierMailSubject = "courriel-identifiant-sujet";
    public const string IdentifierMailBody = "courriel-identifiant-corps";
    public const string ResetMailSubject = "courriel-lien-sujet";
    public const string ResetMailBody = "courriel-lien-corps";

    public const string PageTitle = "page-titre";
    public const string PageRules = "page-regles";
    public const string PagePasswordField = "page-champ-mot-de-passe";
    public const string PageConfirmationField = "page-champ-confirmation";
    public const string PageButton = "page-bouton";
    public const string PageConfirmationMismatch = "page-confirmation-differente";
    public const string PageSuccess = "page-succes";
    public const string PageExpired = "page-lien-expire";
    public const string PageUsed = "page-lien-utilise";
    public const string PageUnknown = "page-lien-inconnu";
    public const string PageError = "page-erreur";
    public const string PageProblemsTitle = "page-erreurs-titre";
    public const string PageSuccessTitle = "page-succes-titre";
    public const string PageRefusedTitle = "page-lien-refuse-titre";
    public const string PageBackToAssistant = "page-retour-assistant";
    public const string PageUnreadableForm = "page-formulaire-illisible";
    public const string PageTooManyAttemptsTitle = "page-trop-d-essais-titre";
    public const string PageTooManyAttempts = "page-trop-d-essais";
    public const string SmsStop = "sms-stop";
    public const string SmsCaseResolvedOnde = "sms-dossier-traite-onde";
    public const string SmsCaseResolvedNotification = "sms-dossier-traite-notification";
    public const string SmsCaseResolvedOther = "sms-dossier-traite-autre";

    public static IReadOnlyList<string> All { get; } =
    [
        PageTitle, PageRules, PagePasswordField, PageConfirmationField, PageButton, PageConfirmationMismatch, PageSuccess,
        PageExpired, PageUsed, PageUnknown, PageError, PageProblemsTitle, PageSuccessTitle, PageRefusedTitle, PageBackToAssistant, PageUnreadableForm,
        PageTooManyAttemptsTitle, PageTooManyAttempts,
        Error, StaleState, AnswerWithNumber, Clarification, ClarificationMenu, Yes, No, TooManyLookups,
        IdentifierMailSubject, IdentifierMailBody, ResetMailSubject, ResetMailBody,
        SmsStop, SmsCaseResolvedOnde, SmsCaseResolvedNotification, SmsCaseResolvedOther,
        .. Cases.CaseTexts.All,
    ];

    /// <summary>Whether the text is sent in the chat (the others are e-mails, the reset page and the workspace).</summary>
    public static bool IsChatText(string name) =>
        !name.StartsWith("courriel-", StringComparison.Ordinal) && !name.StartsWith("page-", StringComparison.Ordinal)
        && !name.StartsWith("espace-", StringComparison.Ordinal);

    /// <summary>Dialogs the engine starts by itself.</summary>
    public const string MenuDialog = "menu";
    public const string WelcomeDialog = "accueil";
    public const string NotUnderstoodDialog = "incompris";

    /// <summary>
    /// Started when a path ends (at <c>fin</c>) while another subject the parent raised waits; its <c>other-subject</c>
    /// step offers it.
    /// </summary>
    public const string AnythingElseDialog = "autre-chose";

    /// <summary>Started with the value <c>reference</c> when a message names a case (« où en est ma demande SB-7KQ4M2 ? »).</summary>
    public const string CaseStatusDialog = "suivi-demande";

    public static IReadOnlyList<string> RequiredDialogs { get; } = [MenuDialog, WelcomeDialog, NotUnderstoodDialog, CaseStatusDialog, AnythingElseDialog];
}
