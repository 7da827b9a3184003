using SupportBot.Migration.Input;
using SupportBot.Migration.Plan;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Rule 8: each old téléservices identifier becomes an alias of the account of the legacy account's first holder, so
/// that the bot recognises a parent who types it. Not when it is already another account's alias in the directory, or
/// an account's identifier; and an identifier two legacy accounts of different persons shared goes to the first account
/// in the plan's order. Each case is reported.
/// </summary>
internal static class OldIdentifierAliases
{
    public static void Add(List<PlannedAccount> accounts, ExistingDirectory existing, IReadOnlySet<string> identifiers, MigrationReport report)
    {
        var owners = new Dictionary<string, PlannedAccount>(accounts.Count, StringComparer.Ordinal);
        foreach (var planned in accounts)
        {
            foreach (var legacy in planned.LegacyAccounts)
            {
                if (!planned.StandsFor(EmailChoice.EmailHolder(legacy)))
                {
                    continue;
                }

                var alias = legacy.Identifier;
                if (owners.TryGetValue(alias, out var other))
                {
                    if (other != planned)
                    {
                        report.Note(legacy.File, legacy.Line, $"COMPTE {legacy.CompteId}", "ancien_identifiant_en_double",
                            $"l'ancien identifiant est aussi celui d'un autre compte ({other.Representative.KeyText}) : il n'est gardé que pour le premier.");
                    }

                    continue;
                }

                if (existing.AliasOwners.TryGetValue(alias, out var ownerId))
                {
                    if (ownerId != planned.ExistingAccountId)
                    {
                        report.Note(legacy.File, legacy.Line, $"COMPTE {legacy.CompteId}", "ancien_identifiant_deja_pris",
                            "l'ancien identifiant désigne déjà un autre compte de l'annuaire : il n'est pas repris.");
                    }

                    owners[alias] = planned;
                    continue;
                }

                if (identifiers.Contains(alias))
                {
                    report.Note(legacy.File, legacy.Line, $"COMPTE {legacy.CompteId}", "ancien_identifiant_deja_pris",
                        "l'ancien identifiant est l'identifiant d'un compte de l'annuaire : il n'est pas repris comme alias.");
                    continue;
                }

                owners[alias] = planned;
                planned.AddAlias(alias);
                report.AliasesAdded++;
            }
        }
    }
}
