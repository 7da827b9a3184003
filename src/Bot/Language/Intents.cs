namespace SupportBot.Bot.Language;

/// <summary>
/// The intent names the dialogs route on. Each one has its training utterances in dialogs/intents/, at least 25 held-out
/// lines in tests/Bot.Tests/Language/intent-evaluation.txt, and a dialog that answers it (the dialogs' loader checks).
/// </summary>
public static class Intents
{
    public const string IdentifiantOublie = "identifiant_oublie";
    public const string MotDePasseOublie = "mot_de_passe_oublie";
    public const string ActivationCompte = "activation_compte";
    public const string CodeSms = "code_sms";
    public const string TelephoneNonReconnu = "telephone_non_reconnu";
    public const string DateNaissanceRefusee = "date_naissance_refusee";
    public const string AccesModulo = "acces_modulo";
    public const string FranceConnect = "franceconnect";
    public const string EnfantManquant = "enfant_manquant";
    public const string AdresseMail = "adresse_mail";
    public const string CourrierNotification = "courrier_notification";
    public const string CompteDejaActive = "compte_deja_active";
    public const string ParlerAUnHumain = "parler_a_un_humain";
    public const string Salutation = "salutation";
    public const string Remerciement = "remerciement";
    public const string HorsPerimetre = "hors_perimetre";
    public const string SuiviDemande = "suivi_demande";

    /// <summary>A SMS with a link « from EduConnect »: a fraud (EduConnect's SMS never contain one).</summary>
    public const string SmsFrauduleux = "sms_frauduleux";

    /// <summary>No mobile phone: the school notifies the account (« Je ne souhaite pas utiliser de téléphone portable »).</summary>
    public const string SansPortable = "sans_portable";

    /// <summary>The temporary password of an account never activated is lost: re-notification with password reset.</summary>
    public const string MotDePasseProvisoire = "mot_de_passe_provisoire";

    /// <summary>The password refused while creating the account: the rules.</summary>
    public const string ReglesMotDePasse = "regles_mot_de_passe";

    /// <summary>The password is known and the parent wants another: « Gérer mon compte ».</summary>
    public const string ChangerMotDePasse = "changer_mot_de_passe";

    /// <summary>The mail that validates the address cannot be found.</summary>
    public const string MailValidation = "mail_validation";

    /// <summary>EduConnect's and Toutatice's addresses, and where to click.</summary>
    public const string AdressesSites = "adresses_sites";

    /// <summary>« Je ne suis pas le représentant légal de cet élève »: what it means, and that the school fixes its records.</summary>
    public const string PasRepresentantLegal = "pas_representant_legal";

    /// <summary>One account per parent for all their children, kept for the whole schooling.</summary>
    public const string CompteUnique = "compte_unique";

    /// <summary>« Identifiant non reconnu », or an address no account is attached to.</summary>
    public const string IdentifiantNonReconnu = "identifiant_non_reconnu";

    public static IReadOnlyList<string> All { get; } =
    [
        IdentifiantOublie, MotDePasseOublie, ActivationCompte, CodeSms, TelephoneNonReconnu, DateNaissanceRefusee,
        AccesModulo, FranceConnect, EnfantManquant, AdresseMail, CourrierNotification, CompteDejaActive,
        ParlerAUnHumain, Salutation, Remerciement, HorsPerimetre, SuiviDemande,
        SmsFrauduleux, SansPortable, MotDePasseProvisoire, ReglesMotDePasse, ChangerMotDePasse, MailValidation,
        AdressesSites, PasRepresentantLegal, CompteUnique, IdentifiantNonReconnu,
    ];
}
