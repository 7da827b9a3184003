using System.Text;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Migration.Reporting;

namespace SupportBot.Migration.Export;

/// <summary>
/// What a director's « Lister les comptes » gives, as CSV (UTF-8, ';'): one line per account sorted by identifier,
/// lists inside a cell sorted and '|'-separated. Also the reference the migration's tests compare runs with.
/// </summary>
internal sealed class AccountsExporter(DirectoryDbContext db)
{
    public const string Header = "identifiant;statut;origine;nom;prenom;mel;mel_confirme;portable;personnes;eleves;anciens_identifiants";

    public async Task<int> ExportAsync(TextWriter writer, string? uai, CancellationToken cancellationToken)
    {
        var school = uai is null ? null : Uai.Normalize(uai, "--uai");
        var accounts = await db.Accounts.AsNoTracking()
            .Select(a => new { a.Id, a.Identifier, a.Status, a.Origin, a.Email, a.EmailConfirmed })
            .ToListAsync(cancellationToken);
        var persons = (await db.Persons.AsNoTracking().Where(p => p.AccountId != null)
                .Select(p => new { p.Id, AccountId = p.AccountId!.Value, p.SiecleUai, p.SiecleId, p.FamilyName, p.FirstName, p.MobilePhone })
                .ToListAsync(cancellationToken))
            .ToLookup(p => p.AccountId);
        var pupils = (await db.PersonPupilLinks.AsNoTracking().Where(l => l.Person!.AccountId != null)
                .Select(l => new { AccountId = l.Person!.AccountId!.Value, l.Pupil!.School!.Uai, l.Pupil.SiecleEleveId })
                .ToListAsync(cancellationToken))
            .ToLookup(l => l.AccountId);
        var aliases = (await db.AccountAliases.AsNoTracking().Select(a => new { a.AccountId, a.Alias }).ToListAsync(cancellationToken))
            .ToLookup(a => a.AccountId);

        await writer.WriteLineAsync(Header);
        var count = 0;
        foreach (var account in accounts.OrderBy(a => a.Identifier, StringComparer.Ordinal))
        {
            var own = persons[account.Id].OrderBy(p => p.Id).ToList();
            var links = pupils[account.Id].ToList();
            if (school is not null && !own.Any(p => p.SiecleUai == school) && !links.Any(l => l.Uai == school))
            {
                continue;
            }

            var first = own.FirstOrDefault();
            var line = new StringBuilder();
            line.AppendJoin(';',
                Cell(account.Identifier),
                Cell(account.Status.Label()),
                Cell(account.Origin.Label()),
                Cell(first?.FamilyName),
                Cell(first?.FirstName),
                Cell(account.Email),
                account.EmailConfirmed ? "1" : "0",
                Cell(own.Select(p => p.MobilePhone).FirstOrDefault(m => m is not null)),
                Cell(List(own.Where(p => p.SiecleUai is not null && p.SiecleId is not null).Select(p => $"{p.SiecleUai}:{p.SiecleId}"))),
                Cell(List(links.Where(l => l.SiecleEleveId is not null).Select(l => $"{l.Uai}:{l.SiecleEleveId}"))),
                Cell(List(aliases[account.Id].Select(a => a.Alias))));
            await writer.WriteLineAsync(line.ToString());
            count++;
        }

        return count;
    }

    private static string List(IEnumerable<string> values) => string.Join('|', values.Distinct().Order(StringComparer.Ordinal));

    private static string Cell(string? value) => value is null ? "" : ReportWriter.Csv(value);
}
