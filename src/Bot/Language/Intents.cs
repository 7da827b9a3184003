namespace SupportBot.Bot.Language;

/// <summary>The intent names the dialogs route on (fixed by the product).</summary>
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

    public static IReadOnlyList<string> All { get; } =
    [
        IdentifiantOublie, MotDePasseOublie, ActivationCompte, CodeSms, TelephoneNonReconnu, DateNaissanceRefusee,
        AccesModulo, FranceConnect, EnfantManquant, AdresseMail, CourrierNotification, CompteDejaActive,
        ParlerAUnHumain, Salutation, Remerciement, HorsPerimetre, SuiviDemande,
    ];
}
