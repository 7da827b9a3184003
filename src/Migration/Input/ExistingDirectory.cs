using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Pupils;
using SupportBot.AccountDirectory.Schools;
using SupportBot.Migration.Schema;

namespace SupportBot.Migration.Input;

/// <summary>
/// What the directory already holds that the migration must respect: identifiers taken, aliases, SIECLE persons
/// and their accounts, rule 1 identities, pupils, schools and links. Read once with plain ADO.NET (a million rows
/// through EF's materialisation would cost more than the migration itself).
/// </summary>
internal sealed class ExistingDirectory
{
    public HashSet<string> Identifiers { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> AliasOwners { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, (int PersonId, int? AccountId)> PersonsBySiecleKey { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> AccountByIdentity { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> SchoolIds { get; } = new(StringComparer.Ordinal);

    public Dictionary<string, int> PupilIds { get; } = new(StringComparer.Ordinal);

    public HashSet<long> Links { get; } = [];

    /// <summary>The directory's row of this SIECLE person; its UAJ:PERSONNE_ID text is made only when the directory holds persons.</summary>
    public bool TryGetPerson(SieclePerson person, out (int PersonId, int? AccountId) row)
    {
        row = default;
        return PersonsBySiecleKey.Count > 0 && PersonsBySiecleKey.TryGetValue(person.KeyText, out row);
    }

    /// <summary>The directory's Id of this SIECLE pupil; its UAJ:ELEVE_ID text is made only when the directory holds pupils.</summary>
    public bool TryGetPupil(SieclePupil pupil, out int id)
    {
        id = 0;
        return PupilIds.Count > 0 && PupilIds.TryGetValue(pupil.KeyText, out id);
    }

    public static long LinkKey(int personId, int pupilId) => ((long)personId << 32) | (uint)pupilId;

    /// <summary>
    /// Reads the directory. <paramref name="identityOf"/> is rule 1's identity (family name, first name, mobile, e-mail →
    /// key, or null): given by the caller, so that reading depends on no rule.
    /// </summary>
    public static async Task<ExistingDirectory> LoadAsync(DirectoryDbContext db, Func<string, string, string?, string?, string?> identityOf,
        CancellationToken cancellationToken)
    {
        var existing = new ExistingDirectory();
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            var tables = new StoreTables(db.Model);
            await ReadAsync(connection, tables.Accounts.Select(nameof(Account.Identifier)), r => existing.Identifiers.Add(r.GetString(0)), cancellationToken);
            await ReadAsync(connection, tables.Aliases.Select(nameof(AccountAlias.Alias), nameof(AccountAlias.AccountId)),
                r => existing.AliasOwners[r.GetString(0)] = r.GetInt32(1), cancellationToken);
            await ReadAsync(connection, tables.Schools.Select(nameof(School.Id), nameof(School.Uai)), r => existing.SchoolIds[r.GetString(1)] = r.GetInt32(0),
                cancellationToken);
            var schoolUai = existing.SchoolIds.ToDictionary(p => p.Value, p => p.Key);
            var pupils = tables.Pupils;
            await ReadAsync(connection, pupils.Select(nameof(Pupil.Id), nameof(Pupil.SchoolId), nameof(Pupil.SiecleEleveId))
                    + $" WHERE [{pupils.Column(nameof(Pupil.SiecleEleveId))}] IS NOT NULL",
                r => existing.PupilIds[schoolUai[r.GetInt32(1)] + ":" + r.GetString(2)] = r.GetInt32(0), cancellationToken);
            await ReadAsync(connection,
                tables.Persons.Select(nameof(Person.Id), nameof(Person.AccountId), nameof(Person.SiecleUai), nameof(Person.SiecleId),
                    nameof(Person.FamilyName), nameof(Person.FirstName), nameof(Person.MobilePhone), nameof(Person.Email)), r =>
                {
                    int? accountId = r.IsDBNull(1) ? null : r.GetInt32(1);
                    if (!r.IsDBNull(2) && !r.IsDBNull(3))
                    {
                        existing.PersonsBySiecleKey[r.GetString(2) + ":" + r.GetString(3)] = (r.GetInt32(0), accountId);
                    }

                    if (accountId is { } id && identityOf(r.GetString(4), r.GetString(5), r.IsDBNull(6) ? null : r.GetString(6),
                            r.IsDBNull(7) ? null : r.GetString(7)) is { } identity)
                    {
                        // Several accounts for one identity (made before this rule existed): the oldest wins, deterministically.
                        existing.AccountByIdentity[identity] = Math.Min(id, existing.AccountByIdentity.GetValueOrDefault(identity, int.MaxValue));
                    }
                }, cancellationToken);
            await ReadAsync(connection, tables.Links.Select(nameof(PersonPupilLink.PersonId), nameof(PersonPupilLink.PupilId)),
                r => existing.Links.Add(LinkKey(r.GetInt32(0), r.GetInt32(1))), cancellationToken);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }

        return existing;
    }

    private static async Task ReadAsync(DbConnection connection, string sql, Action<DbDataReader> row, CancellationToken cancellationToken)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
        {
            row(reader);
        }
    }
}
