namespace SupportBot.Bot.Cases;

/// <summary>The names of the texts of the cases: the school search in the chat, the mails, the workspace pages (dialogs/textes.yaml, dialogs/espace-ecole.yaml).</summary>
internal static class CaseTexts
{
    public const string SmsMessageEcole = "sms-message-ecole";
    public const string CourrielDossierTraiteSujet = "courriel-dossier-traite-sujet";
    public const string CourrielDossierTraiteOnde = "courriel-dossier-traite-onde";
    public const string CourrielDossierTraiteNotification = "courriel-dossier-traite-notification";
    public const string CourrielDossierTraiteAutre = "courriel-dossier-traite-autre";
    public const string CourrielMessageEcole = "courriel-message-ecole";
    public const string CourrielDossierSignature = "courriel-dossier-signature";
    public const string EcoleConfirmer = "ecole-confirmer";
    public const string EcoleChoisir = "ecole-choisir";
    public const string EcoleAucune = "ecole-aucune";
    public const string EcoleQuelleCommune = "ecole-quelle-commune";
    public const string EcoleQuelNom = "ecole-quel-nom";
    public const string EcolePasTrouvee = "ecole-pas-trouvee";
    public const string EcoleReessayer = "ecole-reessayer";
    public const string EcoleAcademie = "ecole-academie";
    public const string DestinationEcole = "destination-ecole";
    public const string DestinationAcademie = "destination-academie";
    public const string DossierStatutEcole = "dossier-statut-ecole";
    public const string DossierStatutAcademie = "dossier-statut-academie";
    public const string DossierStatutTraite = "dossier-statut-traite";
    public const string EspaceSituationTelephone = "espace-situation-telephone";
    public const string EspaceSituationDateNaissance = "espace-situation-date-naissance";
    public const string EspaceSituationCourrier = "espace-situation-courrier";
    public const string EspaceSituationMotDePasseProvisoire = "espace-situation-mot-de-passe-provisoire";
    public const string EspaceSituationSansPortable = "espace-situation-sans-portable";
    public const string EspaceSituationAutre = "espace-situation-autre";
    public const string EspaceAFaireTelephone = "espace-a-faire-telephone";
    public const string EspaceAFaireDateNaissance = "espace-a-faire-date-naissance";
    public const string EspaceAFaireCourrier = "espace-a-faire-courrier";
    public const string EspaceAFaireMotDePasseProvisoire = "espace-a-faire-mot-de-passe-provisoire";
    public const string EspaceAFaireSansPortable = "espace-a-faire-sans-portable";
    public const string EspaceAFaireAutre = "espace-a-faire-autre";
    public const string EspaceOu = "espace-ou";
    public const string EspaceChampParent = "espace-champ-parent";
    public const string EspaceChampEnfant = "espace-champ-enfant";
    public const string EspaceChampDateNaissance = "espace-champ-date-naissance";
    public const string EspaceChampTelephone = "espace-champ-telephone";
    public const string EspaceChampIdentifiant = "espace-champ-identifiant";
    public const string EspaceChampAdresse = "espace-champ-adresse";
    public const string EspaceChampEcoleDonnee = "espace-champ-ecole-donnee";
    public const string EspaceChampCanal = "espace-champ-canal";
    public const string EspaceCanalSms = "espace-canal-sms";
    public const string EspaceCanalWeb = "espace-canal-web";
    public const string EspaceChampSuivi = "espace-champ-suivi";
    public const string EspaceSuiviSms = "espace-suivi-sms";
    public const string EspaceSuiviCourriel = "espace-suivi-courriel";
    public const string EspaceSuiviAucun = "espace-suivi-aucun";
    public const string CourrielDirecteurSujet = "courriel-directeur-sujet";
    public const string CourrielDirecteurIntro = "courriel-directeur-intro";
    public const string CourrielDirecteurDonnees = "courriel-directeur-donnees";
    public const string CourrielDirecteurAFaire = "courriel-directeur-a-faire";
    public const string CourrielDirecteurLien = "courriel-directeur-lien";
    public const string CourrielSignature = "courriel-signature";
    public const string CourrielRedirige = "courriel-redirige";
    public const string CourrielAcademieSujet = "courriel-academie-sujet";
    public const string CourrielAcademieIntro = "courriel-academie-intro";
    public const string CourrielAcademieRefus = "courriel-academie-refus";
    public const string CourrielAcademieLien = "courriel-academie-lien";
    public const string CourrielLienEspaceSujet = "courriel-lien-espace-sujet";
    public const string CourrielLienEspaceCorps = "courriel-lien-espace-corps";
    public const string EspaceTitreEcole = "espace-titre-ecole";
    public const string EspaceTitreAcademie = "espace-titre-academie";
    public const string EspaceEcoleDe = "espace-ecole-de";
    public const string EspaceAcademieDe = "espace-academie-de";
    public const string EspaceOuvertes = "espace-ouvertes";
    public const string EspaceTraitees = "espace-traitees";
    public const string EspaceAucuneOuverte = "espace-aucune-ouverte";
    public const string EspaceAucuneTraitee = "espace-aucune-traitee";
    public const string EspaceColonneReference = "espace-colonne-reference";
    public const string EspaceColonneSituation = "espace-colonne-situation";
    public const string EspaceColonneDate = "espace-colonne-date";
    public const string EspaceColonneCanal = "espace-colonne-canal";
    public const string EspaceColonneEnfant = "espace-colonne-enfant";
    public const string EspaceColonneTraitee = "espace-colonne-traitee";
    public const string EspaceColonneEcoleDonnee = "espace-colonne-ecole-donnee";
    public const string EspaceCanalCourtSms = "espace-canal-court-sms";
    public const string EspaceCanalCourtWeb = "espace-canal-court-web";
    public const string EspaceRetourListe = "espace-retour-liste";
    public const string EspaceDossierTitre = "espace-dossier-titre";
    public const string EspaceDossierRecue = "espace-dossier-recue";
    public const string EspaceDossierTraitee = "espace-dossier-traitee";
    public const string EspaceDossierMessageEnvoye = "espace-dossier-message-envoye";
    public const string EspaceHistorique = "espace-historique";
    public const string EspaceEvenementOuverte = "espace-evenement-ouverte";
    public const string EspaceEvenementRepetee = "espace-evenement-repetee";
    public const string EspaceEvenementEnvoyee = "espace-evenement-envoyee";
    public const string EspaceEvenementOrientee = "espace-evenement-orientee";
    public const string EspaceEvenementRefusee = "espace-evenement-refusee";
    public const string EspaceEvenementTraitee = "espace-evenement-traitee";
    public const string EspaceEvenementPrevenu = "espace-evenement-prevenu";
    public const string EspaceEvenementSmsNonRemis = "espace-evenement-sms-non-remis";
    public const string EspaceAcademie = "espace-academie";
    public const string EspaceTraiterTitre = "espace-traiter-titre";
    public const string EspaceTraiterAide = "espace-traiter-aide";
    public const string EspaceChampMessage = "espace-champ-message";
    public const string EspaceBoutonTraiter = "espace-bouton-traiter";
    public const string EspaceRefuserTitre = "espace-refuser-titre";
    public const string EspaceRefuserAide = "espace-refuser-aide";
    public const string EspaceChampRaison = "espace-champ-raison";
    public const string EspaceBoutonRefuser = "espace-bouton-refuser";
    public const string EspaceTraiteeOk = "espace-traitee-ok";
    public const string EspaceRefuseeOk = "espace-refusee-ok";
    public const string EspaceDejaTraitee = "espace-deja-traitee";
    public const string EspaceErreurMessageLong = "espace-erreur-message-long";
    public const string EspaceErreurRaison = "espace-erreur-raison";
    public const string EspaceOrienterTitre = "espace-orienter-titre";
    public const string EspaceOrienterAide = "espace-orienter-aide";
    public const string EspaceChampRecherche = "espace-champ-recherche";
    public const string EspaceBoutonChercher = "espace-bouton-chercher";
    public const string EspaceBoutonOrienter = "espace-bouton-orienter";
    public const string EspaceAucunResultat = "espace-aucun-resultat";
    public const string EspaceOrienteeOk = "espace-orientee-ok";
    public const string EspaceOrientationImpossible = "espace-orientation-impossible";
    public const string EspaceLienRefuseTitre = "espace-lien-refuse-titre";
    public const string EspaceLienRefuse = "espace-lien-refuse";
    public const string EspaceDemanderLien = "espace-demander-lien";
    public const string EspaceLienTitre = "espace-lien-titre";
    public const string EspaceLienAide = "espace-lien-aide";
    public const string EspaceChampUai = "espace-champ-uai";
    public const string EspaceBoutonEnvoyerLien = "espace-bouton-envoyer-lien";
    public const string EspaceLienEnvoye = "espace-lien-envoye";
    public const string EspaceLienAcademieAide = "espace-lien-academie-aide";
    public const string EspaceBoutonEnvoyerLienAcademie = "espace-bouton-envoyer-lien-academie";
    public const string EspaceLienAcademieEnvoye = "espace-lien-academie-envoye";
    public const string EspaceChampCode = "espace-champ-code";
    public const string EspaceBoutonCode = "espace-bouton-code";
    public const string EspaceCodeRefuse = "espace-code-refuse";
    public const string EspaceTropDeDemandes = "espace-trop-de-demandes";

    public static IReadOnlyList<string> All { get; } =
    [
        SmsMessageEcole, CourrielDossierTraiteSujet, CourrielDossierTraiteOnde, CourrielDossierTraiteNotification,
        CourrielDossierTraiteAutre, CourrielMessageEcole, CourrielDossierSignature, EcoleConfirmer, EcoleChoisir,
        EcoleAucune, EcoleQuelleCommune, EcoleQuelNom, EcolePasTrouvee, EcoleReessayer, EcoleAcademie, DestinationEcole,
        DestinationAcademie, DossierStatutEcole, DossierStatutAcademie, DossierStatutTraite, EspaceSituationTelephone,
        EspaceSituationDateNaissance, EspaceSituationCourrier, EspaceSituationMotDePasseProvisoire,
        EspaceSituationSansPortable, EspaceSituationAutre, EspaceAFaireTelephone, EspaceAFaireDateNaissance,
        EspaceAFaireCourrier, EspaceAFaireMotDePasseProvisoire, EspaceAFaireSansPortable, EspaceAFaireAutre, EspaceOu,
        EspaceChampParent, EspaceChampEnfant, EspaceChampDateNaissance, EspaceChampTelephone, EspaceChampIdentifiant,
        EspaceChampAdresse, EspaceChampEcoleDonnee, EspaceChampCanal, EspaceCanalSms, EspaceCanalWeb, EspaceChampSuivi,
        EspaceSuiviSms, EspaceSuiviCourriel, EspaceSuiviAucun, CourrielDirecteurSujet, CourrielDirecteurIntro,
        CourrielDirecteurDonnees, CourrielDirecteurAFaire, CourrielDirecteurLien, CourrielSignature, CourrielRedirige,
        CourrielAcademieSujet, CourrielAcademieIntro, CourrielAcademieRefus, CourrielAcademieLien,
        CourrielLienEspaceSujet, CourrielLienEspaceCorps, EspaceTitreEcole, EspaceTitreAcademie,
        EspaceEcoleDe, EspaceAcademieDe, EspaceOuvertes, EspaceTraitees, EspaceAucuneOuverte, EspaceAucuneTraitee,
        EspaceColonneReference, EspaceColonneSituation, EspaceColonneDate, EspaceColonneCanal, EspaceColonneEnfant,
        EspaceColonneTraitee, EspaceColonneEcoleDonnee, EspaceCanalCourtSms, EspaceCanalCourtWeb, EspaceRetourListe,
        EspaceDossierTitre, EspaceDossierRecue, EspaceDossierTraitee, EspaceDossierMessageEnvoye, EspaceHistorique,
        EspaceEvenementOuverte, EspaceEvenementRepetee, EspaceEvenementEnvoyee, EspaceEvenementOrientee,
        EspaceEvenementRefusee, EspaceEvenementTraitee, EspaceEvenementPrevenu, EspaceEvenementSmsNonRemis, EspaceAcademie, EspaceTraiterTitre,
        EspaceTraiterAide, EspaceChampMessage, EspaceBoutonTraiter, EspaceRefuserTitre, EspaceRefuserAide,
        EspaceChampRaison, EspaceBoutonRefuser, EspaceTraiteeOk, EspaceRefuseeOk, EspaceDejaTraitee,
        EspaceErreurMessageLong, EspaceErreurRaison, EspaceOrienterTitre, EspaceOrienterAide, EspaceChampRecherche,
        EspaceBoutonChercher, EspaceBoutonOrienter, EspaceAucunResultat, EspaceOrienteeOk, EspaceOrientationImpossible,
        EspaceLienRefuseTitre, EspaceLienRefuse, EspaceDemanderLien, EspaceLienTitre, EspaceLienAide, EspaceChampUai,
        EspaceBoutonEnvoyerLien, EspaceLienEnvoye, EspaceLienAcademieAide, EspaceBoutonEnvoyerLienAcademie,
        EspaceLienAcademieEnvoye, EspaceChampCode, EspaceBoutonCode, EspaceCodeRefuse, EspaceTropDeDemandes,
    ];
}
