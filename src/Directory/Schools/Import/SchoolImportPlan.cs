namespace SupportBot.AccountDirectory.Schools.Import;

/// <summary>What an import changes, worked out in memory from the file and the directory's schools before anything is written.</summary>
internal sealed class SchoolImportPlan
{
    public List<Write> Writes { get; } = [];

    public int Added { get; private set; }

    public int Updated { get; private set; }

    public int Unchanged { get; private set; }

    public int ClosedInFile { get; private set; }

    public int ClosedMissing { get; private set; }

    public int Reopened { get; private set; }

    public static SchoolImportPlan Make(AnnuaireFile file, IReadOnlyList<School> directory)
    {
        var plan = new SchoolImportPlan();
        var byUai = directory.ToDictionary(s => s.Uai, StringComparer.Ordinal);
        foreach (var row in file.Schools)
        {
            if (!byUai.TryGetValue(row.Uai, out var school))
            {
                plan.Writes.Add(new Write(null, row, Close: !row.Open, Reopen: false));
                plan.Added++;
                plan.ClosedInFile += row.Open ? 0 : 1;
                continue;
            }

            // A school no import wrote yet (the migration's « Établissement <UAJ> », a hand-made one) is written once, so
            // that it is known as the annuaire's from then on.
            var fields = school.ImportedAt is null || !row.Matches(school);
            var close = !row.Open && school.IsOpen;
            var reopen = row.Open && !school.IsOpen;
            plan.Updated += fields ? 1 : 0;
            plan.Unchanged += fields ? 0 : 1;
            plan.ClosedInFile += close ? 1 : 0;
            plan.Reopened += reopen ? 1 : 0;
            if (fields || close || reopen)
            {
                plan.Writes.Add(new Write(school, fields ? row : null, close, reopen));
            }
        }

        // Only where the file speaks: a Morbihan export closes nothing in Ille-et-Vilaine.
        foreach (var school in directory)
        {
            if (school.ImportedAt is not null && school.IsOpen && school.Uai.Length >= 3 && file.Departements.Contains(school.Uai[..3])
                && !file.Lists(school.Uai))
            {
                plan.Writes.Add(new Write(school, null, Close: true, Reopen: false));
                plan.ClosedMissing++;
            }
        }

        return plan;
    }

    /// <summary>One school to add (<see cref="Existing"/> null) or to change; <see cref="Row"/> null when only its state changes.</summary>
    internal sealed record Write(School? Existing, AnnuaireSchool? Row, bool Close, bool Reopen)
    {
        public void Apply(DirectoryDbContext db, DateTimeOffset now)
        {
            School school;
            if (Existing is null)
            {
                school = new School { Uai = Row!.Uai, Name = Row.Name };
                db.Schools.Add(school);
            }
            else
            {
                // Attached as loaded, then changed: the UPDATE names only the columns that changed, never DirectorName or DirectorEmail.
                school = Existing;
                db.Schools.Attach(school);
            }

            Row?.CopyTo(school);
            if (Close)
            {
                school.ClosedAt = now;
            }
            else if (Reopen)
            {
                school.ClosedAt = null;
            }

            school.ImportedAt = now;
        }
    }
}
