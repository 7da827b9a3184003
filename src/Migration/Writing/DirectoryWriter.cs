using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Accounts;
using SupportBot.AccountDirectory.Persons;
using SupportBot.AccountDirectory.Pupils;
using SupportBot.AccountDirectory.Schools;
using SupportBot.AccountDirectory.SiecleMigration;
using SupportBot.AccountDirectory.Sqlite;
using SupportBot.Migration.Input;
using SupportBot.Migration.Plan;
using SupportBot.Migration.Schema;

namespace SupportBot.Migration.Writing;

/// <summary>
/// Writes a plan with prepared ADO.NET commands in large transactions (EF's change tracking would need minutes for
/// a million rows). Each batch of accounts commits with everything they carry (persons, links, aliases), in the
/// plan's order, so a run killed at any moment leaves a prefix of the plan, which the next run completes identically.
/// </summary>
internal sealed class DirectoryWriter(DirectoryDbContext db, DirectoryProvider provider, TimeProvider time, int batchSize,
    Action? rebuildingIndexes = null)
{
    private readonly SqlDialect _dialect = new(provider);
    private readonly StoreTables _tables = new(db.Model);

    /// <summary>Writes the plan; returns true when an earlier run had been interrupted (this one completes its work).</summary>
    public async Task<bool> WriteAsync(MigrationPlan plan, ExistingDirectory existing, string fingerprint, IProgress<long>? progress,
        CancellationToken cancellationToken)
    {
        var connection = db.Database.GetDbConnection();
        await db.Database.OpenConnectionAsync(cancellationToken);
        try
        {
            if (provider == DirectoryProvider.Sqlite)
            {
                // WAL is set by the initializer. synchronous=OFF for the bulk write: what a transaction committed is in the
                // operating system's hands, so a killed or crashed program loses nothing committed (rule 9); only an
                // operating-system crash or a power cut during the run could damage the file (restore the backup taken
                // before this one-off migration). It was a fifth of the writing time at a million accounts. The page
                // cache holds the hot pages of the random indexes (e-mail, phone, UAJ:PERSONNE_ID, alias).
                await using var pragma = Command(connection, null, "PRAGMA synchronous=OFF; PRAGMA cache_size=-131072;");
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            bool resumed;
            var runs = _tables.Runs;
            await using (var unfinished = Command(connection, null,
                $"SELECT COUNT(*) FROM [{runs.Name}] WHERE [{runs.Column(nameof(SiecleMigrationRun.FinishedAt))}] IS NULL"))
            {
                resumed = Convert.ToInt32(await unfinished.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
            }

            var runId = await StartRunAsync(connection, fingerprint, cancellationToken);
            var deferred = connection is SqliteConnection sqlite
                && DeferredIndexes.Drop(sqlite, await TablesToDeferAsync(connection, plan, existing, cancellationToken)).Count > 0;
            await WriteSchoolsAsync(connection, plan, existing, cancellationToken);
            var pupilIds = await WritePupilsAsync(connection, plan, existing, cancellationToken);
            var created = await WriteAccountsAsync(connection, plan.Accounts, existing, pupilIds, runId, progress, cancellationToken);
            if (deferred)
            {
                rebuildingIndexes?.Invoke();
                DeferredIndexes.Restore((SqliteConnection)connection);
            }

            await FinishRunAsync(connection, runId, created, cancellationToken);
            return resumed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The tables whose secondary indexes are set aside for this run: those it at least doubles (rows it writes ≥ rows they
    /// hold). Building an index once over the final table costs about as much as inserting a third to a half of its rows
    /// into a live index in random order (sqlite3 shell, the rows of a million-account migration: 6.8 s to build every
    /// index, about 17 s of index maintenance when inserting with them), so below that ratio the live index wins, and an
    /// already large directory stays indexed meanwhile. The one-off migration into a new directory defers all five.
    /// </summary>
    private async Task<List<string>> TablesToDeferAsync(DbConnection connection, MigrationPlan plan, ExistingDirectory existing,
        CancellationToken cancellationToken)
    {
        var writing = new Dictionary<StoreTable, long>
        {
            [_tables.Accounts] = plan.Accounts.Count(a => a.ExistingAccountId is null),
            [_tables.Persons] = plan.Accounts.Sum(a => (long)a.Persons.Count(p => !existing.TryGetPerson(p, out _))),
            [_tables.Pupils] = plan.Pupils.Count(p => !existing.TryGetPupil(p, out _)),
            [_tables.Links] = plan.Accounts.Sum(a => (long)a.Links.Length),
            [_tables.Aliases] = plan.Accounts.Sum(a => (long)a.Aliases.Count),
        };
        var tables = new List<string>();
        foreach (var table in _tables.Filled)
        {
            await using var count = Command(connection, null, $"SELECT COUNT(*) FROM [{table.Name}]");
            var held = Convert.ToInt64(await count.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
            if (writing[table] > 0 && writing[table] >= held)
            {
                tables.Add(table.Name);
            }
        }

        return tables;
    }

    private async Task<int> StartRunAsync(DbConnection connection, string fingerprint, CancellationToken cancellationToken)
    {
        var runs = _tables.Runs;
        var columns = runs.Columns(nameof(SiecleMigrationRun.InputFingerprint), nameof(SiecleMigrationRun.StartedAt),
            nameof(SiecleMigrationRun.BatchesCommitted), nameof(SiecleMigrationRun.AccountsCreated));
        await using var command = Command(connection, null, _dialect.InsertReturningId(runs.Name, runs.Id!, columns), columns);
        Set(command, fingerprint, _dialect.Date(time.GetUtcNow()), 0, 0);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task FinishRunAsync(DbConnection connection, int runId, int created, CancellationToken cancellationToken)
    {
        // Earlier interrupted runs are closed too: this run has finished their work.
        var runs = _tables.Runs;
        var (finishedAt, accountsCreated) = (runs.Column(nameof(SiecleMigrationRun.FinishedAt)), runs.Column(nameof(SiecleMigrationRun.AccountsCreated)));
        await using var command = Command(connection, null,
            $"UPDATE [{runs.Name}] SET [{finishedAt}] = @FinishedAt, [{accountsCreated}] = [{accountsCreated}] + (CASE WHEN [{runs.Id}] = @Id THEN @Created ELSE 0 END) "
            + $"WHERE [{runs.Id}] = @Id OR [{finishedAt}] IS NULL",
            "FinishedAt", "Id", "Created");
        Set(command, _dialect.Date(time.GetUtcNow()), runId, created);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteSchoolsAsync(DbConnection connection, MigrationPlan plan, ExistingDirectory existing, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        var schools = _tables.Schools;
        var columns = schools.Columns(nameof(School.Uai), nameof(School.Name));
        await using var insert = Command(connection, transaction, _dialect.InsertReturningId(schools.Name, schools.Id!, columns), columns);
        foreach (var uaj in plan.Uajs.Where(u => !existing.SchoolIds.ContainsKey(u)))
        {
            // BEE exports carry the UAJ only; the name is completed by the directory's own school import.
            Set(insert, uaj, $"Établissement {uaj}");
            existing.SchoolIds[uaj] = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    /// <summary>The pupils the directory lacks; returns the directory's Id of every pupil of the plan, by <see cref="SieclePupil.Index"/>.</summary>
    private async Task<int[]> WritePupilsAsync(DbConnection connection, MigrationPlan plan, ExistingDirectory existing, CancellationToken cancellationToken)
    {
        var ids = new int[plan.Pupils.Count == 0 ? 0 : plan.Pupils.Max(p => p.Index) + 1];
        using var insert = BulkInsert.Create(connection, provider, _tables.Pupils,
            [nameof(Pupil.SiecleEleveId), nameof(Pupil.Ine), nameof(Pupil.FamilyName), nameof(Pupil.UsageName), nameof(Pupil.FirstNames),
                nameof(Pupil.BirthDate), nameof(Pupil.SchoolId), nameof(Pupil.ClassName)], keyed: true);
        var missing = new List<SieclePupil>();
        foreach (var pupil in plan.Pupils)
        {
            if (existing.TryGetPupil(pupil, out var id))
            {
                ids[pupil.Index] = id;
            }
            else
            {
                missing.Add(pupil);
            }
        }

        for (var start = 0; start < missing.Count; start += batchSize * 4)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            insert.Enlist(transaction);
            foreach (var p in missing.Skip(start).Take(batchSize * 4))
            {
                ids[p.Index] = insert.Text(0, p.EleveId).Text(1, p.Ine).Text(2, p.FamilyName).Text(3, p.UsageName).Text(4, p.FirstNames)
                    .Date(5, p.BirthDate).Integer(6, existing.SchoolIds[p.Uaj]).Text(7, p.ClassName).Insert();
            }

            insert.Flush();
            await transaction.CommitAsync(cancellationToken);
        }

        return ids;
    }

    /// <summary>
    /// Rows are numbered account by account (account, its persons, their links, its aliases) and written table by table,
    /// parents first, at the end of each batch: one transaction closed by the run's journal line. Accounts' persons are
    /// disjoint, so nothing written here is met again in this run: only what the directory held before is looked up.
    /// </summary>
    private async Task<int> WriteAccountsAsync(DbConnection connection, List<PlannedAccount> accounts, ExistingDirectory existing, int[] pupilIds, int runId,
        IProgress<long>? progress, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var origin = nameof(AccountOrigin.MigrationSiecle);
        using var insertAccount = BulkInsert.Create(connection, provider, _tables.Accounts,
            [nameof(Account.Identifier), nameof(Account.Status), nameof(Account.Origin), nameof(Account.Email), nameof(Account.EmailConfirmed),
                nameof(Account.CreatedAt)], keyed: true);
        using var insertPerson = BulkInsert.Create(connection, provider, _tables.Persons,
            [nameof(Person.SiecleUai), nameof(Person.SiecleId), nameof(Person.Civility), nameof(Person.FamilyName), nameof(Person.FirstName),
                nameof(Person.MobilePhone), nameof(Person.Email), nameof(Person.AccountId)], keyed: true);
        using var insertLink = BulkInsert.Create(connection, provider, _tables.Links,
            [nameof(PersonPupilLink.PersonId), nameof(PersonPupilLink.PupilId), nameof(PersonPupilLink.Level), nameof(PersonPupilLink.RelationshipCode)]);
        using var insertAlias = BulkInsert.Create(connection, provider, _tables.Aliases, [nameof(AccountAlias.AccountId), nameof(AccountAlias.Alias)]);
        var (persons, runs) = (_tables.Persons, _tables.Runs);
        var personAccount = persons.Column(nameof(Person.AccountId));
        await using var attachPerson = Command(connection, null,
            $"UPDATE [{persons.Name}] SET [{personAccount}] = @AccountId WHERE [{persons.Id}] = @Id AND [{personAccount}] IS NULL", "AccountId", "Id");
        await using var journal = Command(connection, null,
            $"UPDATE [{runs.Name}] SET [{runs.Column(nameof(SiecleMigrationRun.BatchesCommitted))}] = @Batches WHERE [{runs.Id}] = @Id", "Batches", "Id");
        BulkInsert[] inserts = [insertAccount, insertPerson, insertLink, insertAlias];
        var created = 0;
        var batches = 0;
        var personIds = new Dictionary<SieclePerson, int>(PersonIdentity.Instance);
        var attachments = new List<(int AccountId, int PersonId)>();
        for (var start = 0; start < accounts.Count; start += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = Math.Min(accounts.Count, start + batchSize);
            await using (var transaction = await connection.BeginTransactionAsync(cancellationToken))
            {
                foreach (var insert in inserts)
                {
                    insert.Enlist(transaction);
                }

                attachPerson.Transaction = transaction;
                journal.Transaction = transaction;
                for (var i = start; i < end; i++)
                {
                    var planned = accounts[i];
                    int accountId;
                    if (planned.ExistingAccountId is { } reused)
                    {
                        accountId = reused;
                    }
                    else
                    {
                        // Legacy passwords are never carried over: PasswordHash stays null until the parent sets one.
                        accountId = insertAccount.Text(0, planned.Identifier).Text(1, planned.Status.ToString()).Text(2, origin).Text(3, planned.Email)
                            .Boolean(4, planned.EmailConfirmed).Date(5, now).Insert();
                        created++;
                    }

                    personIds.Clear();
                    foreach (var p in planned.Persons)
                    {
                        if (existing.TryGetPerson(p, out var row))
                        {
                            if (row.AccountId is null)
                            {
                                attachments.Add((accountId, row.PersonId));
                            }

                            personIds[p] = row.PersonId;
                            continue;
                        }

                        personIds[p] = insertPerson.Text(0, p.Uaj).Text(1, p.PersonId).Text(2, p.Civility).Text(3, p.FamilyName).Text(4, p.FirstName)
                            .Text(5, p.Mobile).Text(6, p.Email).Integer(7, accountId).Insert();
                    }

                    foreach (var link in planned.Links)
                    {
                        var personId = personIds[link.Person];
                        var pupilId = pupilIds[link.Pupil.Index];
                        if (!existing.Links.Contains(ExistingDirectory.LinkKey(personId, pupilId)))
                        {
                            insertLink.Integer(0, personId).Integer(1, pupilId).Integer(2, (int)link.Level).Text(3, link.RelationshipCode).Insert();
                        }
                    }

                    foreach (var alias in planned.Aliases)
                    {
                        // The planner kept only aliases free in the directory and unique in this run.
                        insertAlias.Integer(0, accountId).Text(1, alias).Insert();
                    }
                }

                // Parents before children: the foreign keys are checked row by row.
                insertAccount.Flush();
                insertPerson.Flush();
                foreach (var (accountId, personId) in attachments)
                {
                    Set(attachPerson, accountId, personId);
                    attachPerson.ExecuteNonQuery();
                }

                attachments.Clear();
                insertLink.Flush();
                insertAlias.Flush();
                Set(journal, ++batches, runId);
                await journal.ExecuteNonQueryAsync(cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }

            progress?.Report(end);
        }

        return created;
    }

    private static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql, params string[] parameters) =>
        SqlDialect.Command(connection, transaction, sql, parameters);

    private static void Set(DbCommand command, params object?[] values) => SqlDialect.Set(command, values);
}
