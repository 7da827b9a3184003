using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.SiecleMigration;
using SupportBot.Migration.Planning;

namespace SupportBot.Migration.Writing;

/// <summary>
/// Writes a plan with prepared ADO.NET commands in large transactions (EF's change tracking would need minutes for
/// a million rows). Each batch of accounts commits with everything they carry (persons, links, aliases), in the
/// plan's order, so a run killed at any moment leaves a prefix of the plan, which the next run completes identically.
/// </summary>
internal sealed class DirectoryWriter(DirectoryDbContext db, DirectoryProvider provider, TimeProvider time, int batchSize,
    Action<int>? afterBatch = null)
{
    private readonly SqlDialect _dialect = new(provider);

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
                // WAL is set by the initializer; NORMAL skips the fsync of each commit, which in WAL mode can only lose the
                // last commits on a power cut, never corrupt: the next run redoes them. A larger page cache for the indexes.
                await using var pragma = Command(connection, null, "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-65536;");
                await pragma.ExecuteNonQueryAsync(cancellationToken);
            }

            bool resumed;
            await using (var unfinished = Command(connection, null, "SELECT COUNT(*) FROM [SiecleMigrationRuns] WHERE [FinishedAt] IS NULL"))
            {
                resumed = Convert.ToInt32(await unfinished.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture) > 0;
            }

            var runId = await StartRunAsync(connection, fingerprint, cancellationToken);
            await WriteSchoolsAsync(connection, plan, existing, cancellationToken);
            await WritePupilsAsync(connection, plan, existing, cancellationToken);
            var created = 0;
            var batches = 0;
            for (var start = 0; start < plan.Accounts.Count; start += batchSize)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var batch = plan.Accounts.GetRange(start, Math.Min(batchSize, plan.Accounts.Count - start));
                created += await WriteAccountsAsync(connection, batch, existing, runId, ++batches, cancellationToken);
                progress?.Report(start + batch.Count);
                afterBatch?.Invoke(batches);
            }

            await FinishRunAsync(connection, runId, created, cancellationToken);
            return resumed;
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<int> StartRunAsync(DbConnection connection, string fingerprint, CancellationToken cancellationToken)
    {
        await using var command = Command(connection, null, _dialect.InsertReturningId("SiecleMigrationRuns",
            nameof(SiecleMigrationRun.InputFingerprint), nameof(SiecleMigrationRun.StartedAt), nameof(SiecleMigrationRun.BatchesCommitted),
            nameof(SiecleMigrationRun.AccountsCreated)));
        Set(command, fingerprint, _dialect.Date(time.GetUtcNow()), 0, 0);
        return Convert.ToInt32(await command.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
    }

    private async Task FinishRunAsync(DbConnection connection, int runId, int created, CancellationToken cancellationToken)
    {
        // Earlier interrupted runs are closed too: this run has finished their work.
        await using var command = Command(connection, null,
            "UPDATE [SiecleMigrationRuns] SET [FinishedAt] = @FinishedAt, [AccountsCreated] = [AccountsCreated] + (CASE WHEN [Id] = @Id THEN @Created ELSE 0 END) WHERE [Id] = @Id OR [FinishedAt] IS NULL");
        Set(command, _dialect.Date(time.GetUtcNow()), runId, created);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    private async Task WriteSchoolsAsync(DbConnection connection, MigrationPlan plan, ExistingDirectory existing, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var insert = Command(connection, transaction, _dialect.InsertReturningId("Schools", "Uai", "Name"));
        foreach (var uaj in plan.Uajs.Where(u => !existing.SchoolIds.ContainsKey(u)))
        {
            // BEE exports carry the UAJ only; the name is completed by the directory's own school import.
            Set(insert, uaj, $"Établissement {uaj}");
            existing.SchoolIds[uaj] = Convert.ToInt32(await insert.ExecuteScalarAsync(cancellationToken), System.Globalization.CultureInfo.InvariantCulture);
        }

        await transaction.CommitAsync(cancellationToken);
    }

    private async Task WritePupilsAsync(DbConnection connection, MigrationPlan plan, ExistingDirectory existing, CancellationToken cancellationToken)
    {
        var missing = plan.Pupils.Where(p => !existing.PupilIds.ContainsKey(p.Key)).ToList();
        for (var start = 0; start < missing.Count; start += batchSize * 4)
        {
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
            using (var insert = await KeyedInsert.CreateAsync(connection, transaction, provider, "Pupils",
                       ["SiecleEleveId", "Ine", "FamilyName", "UsageName", "FirstNames", "BirthDate", "SchoolId", "ClassName"], cancellationToken))
            {
                foreach (var p in missing.Skip(start).Take(batchSize * 4))
                {
                    existing.PupilIds[p.Key] = insert.Insert(p.EleveId, p.Ine, p.FamilyName, p.UsageName, p.FirstNames, _dialect.Date(p.BirthDate),
                        existing.SchoolIds[p.Uaj], p.ClassName);
                }

                insert.Flush();
            }

            await transaction.CommitAsync(cancellationToken);
        }
    }

    private async Task<int> WriteAccountsAsync(DbConnection connection, List<PlannedAccount> batch, ExistingDirectory existing, int runId,
        int batchNumber, CancellationToken cancellationToken)
    {
        var now = _dialect.Date(time.GetUtcNow());
        var created = 0;
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        using var insertAccount = await KeyedInsert.CreateAsync(connection, transaction, provider, "Accounts",
            ["Identifier", "Status", "Origin", "Email", "EmailConfirmed", "CreatedAt"], cancellationToken);
        using var insertPerson = await KeyedInsert.CreateAsync(connection, transaction, provider, "Persons",
            ["SiecleUai", "SiecleId", "Civility", "FamilyName", "FirstName", "MobilePhone", "Email", "AccountId"], cancellationToken);
        await using var attachPerson = Command(connection, transaction, "UPDATE [Persons] SET [AccountId] = @AccountId WHERE [Id] = @Id AND [AccountId] IS NULL");
        var buffered = provider == DirectoryProvider.Sqlite;
        using var insertLink = new RowWriter(connection, transaction, "PersonPupilLinks", ["PersonId", "PupilId", "Level", "RelationshipCode"], buffered);
        using var insertAlias = new RowWriter(connection, transaction, "AccountAliases", ["AccountId", "Alias"], buffered);
        var attachments = new List<(int AccountId, int PersonId)>();
        await using var journal = Command(connection, transaction, "UPDATE [SiecleMigrationRuns] SET [BatchesCommitted] = @Batches WHERE [Id] = @Id");
        foreach (var planned in batch)
        {
            int accountId;
            if (planned.ExistingAccountId is { } reused)
            {
                accountId = reused;
            }
            else
            {
                // Legacy passwords are never carried over: PasswordHash stays null until the parent sets one.
                accountId = insertAccount.Insert(planned.Identifier!, planned.Status.ToString(), nameof(AccountDirectory.Accounts.AccountOrigin.MigrationSiecle),
                    planned.Email, planned.EmailConfirmed, now);
                existing.Identifiers.Add(planned.Identifier!);
                planned.ExistingAccountId = accountId;
                created++;
            }

            var personIds = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var p in planned.Persons)
            {
                if (existing.PersonsBySiecleKey.TryGetValue(p.Key, out var row))
                {
                    if (row.AccountId is null)
                    {
                        attachments.Add((accountId, row.PersonId));
                        existing.PersonsBySiecleKey[p.Key] = (row.PersonId, accountId);
                    }

                    personIds[p.Key] = row.PersonId;
                    continue;
                }

                var personId = insertPerson.Insert(p.Uaj, p.PersonId, p.Civility, p.FamilyName, p.FirstName, p.Mobile, p.Email, accountId);
                existing.PersonsBySiecleKey[p.Key] = (personId, accountId);
                personIds[p.Key] = personId;
            }

            foreach (var link in planned.Links)
            {
                var personId = personIds[link.Person.Key];
                var pupilId = existing.PupilIds[link.Pupil.Key];
                if (existing.Links.Add(ExistingDirectory.LinkKey(personId, pupilId)))
                {
                    insertLink.Add(personId, pupilId, (int)link.Level, link.RelationshipCode);
                }
            }

            foreach (var alias in planned.Aliases)
            {
                if (existing.AliasOwners.TryAdd(alias, accountId))
                {
                    insertAlias.Add(accountId, alias);
                }
            }
        }

        // Foreign-key order: accounts, then the persons that point at them, then links and aliases.
        insertAccount.Flush();
        insertPerson.Flush();
        foreach (var (accountId, personId) in attachments)
        {
            Set(attachPerson, accountId, personId);
            attachPerson.ExecuteNonQuery();
        }

        insertLink.Flush();
        insertAlias.Flush();
        Set(journal, batchNumber, runId);
        await journal.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return created;
    }

    internal static DbCommand Command(DbConnection connection, DbTransaction? transaction, string sql)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        foreach (var name in System.Text.RegularExpressions.Regex.Matches(sql, @"@(\w+)").Select(m => m.Groups[1].Value).Distinct())
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@" + name;
            command.Parameters.Add(parameter);
        }

        return command;
    }

    /// <summary>Values in the order the parameters first appear in the SQL.</summary>
    internal static void Set(DbCommand command, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
    }
}
