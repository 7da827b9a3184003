using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SupportBot.AccountDirectory.Schools;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.AccountDirectory.Cases;

/// <summary>The queue of cases the bot routes to school directors.</summary>
public sealed class DirectorCaseService(DirectoryDbContext db, TimeProvider time)
{
    // No 0/O, 1/I/L: the parent reads the reference aloud or types it on a phone.
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int ReferenceLength = 6;
    private const int MaxFreeTextLength = 2000;

    public async Task<DirectorCase> OpenAsync(NewDirectorCase request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Channel))
        {
            throw new DirectoryValidationException("Channel", "le canal de la demande est obligatoire.");
        }

        if (request.FreeText is { Length: > MaxFreeTextLength })
        {
            throw new DirectoryValidationException("FreeText", $"le texte libre dépasse {MaxFreeTextLength} caractères.");
        }

        var now = time.GetUtcNow();
        var directorCase = new DirectorCase
        {
            Reference = NewReference(),
            Kind = request.Kind,
            Status = DirectorCaseStatus.Open,
            Channel = request.Channel.Trim(),
            ChannelAddress = Trim(request.ChannelAddress),
            SchoolGiven = Trim(request.SchoolGiven),
            School = await MatchSchoolAsync(request.SchoolGiven, cancellationToken),
            PupilGiven = Trim(request.PupilGiven),
            PupilBirthDateGiven = request.PupilBirthDateGiven,
            ResponsableGiven = Trim(request.ResponsableGiven),
            PhoneGiven = MobilePhones.NormalizeOptional(request.PhoneGiven, "PhoneGiven"),
            EmailGiven = EmailAddresses.NormalizeOptional(request.EmailGiven, "EmailGiven"),
            FreeText = Trim(request.FreeText),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.DirectorCases.Add(directorCase);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return directorCase;
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e, nameof(DirectorCase.Reference)) && attempt < 5)
            {
                directorCase.Reference = NewReference();
            }
        }
    }

    public Task<DirectorCase?> FindAsync(string reference, CancellationToken cancellationToken = default)
    {
        var key = reference.Trim().ToUpperInvariant();
        return db.DirectorCases.Include(c => c.School).FirstOrDefaultAsync(c => c.Reference == key, cancellationToken);
    }

    public async Task<bool> ResolveAsync(string reference, CancellationToken cancellationToken = default)
    {
        var directorCase = await FindAsync(reference, cancellationToken);
        if (directorCase is null || directorCase.Status == DirectorCaseStatus.Resolved)
        {
            return false;
        }

        var now = time.GetUtcNow();
        directorCase.Status = DirectorCaseStatus.Resolved;
        directorCase.ResolvedAt = now;
        directorCase.UpdatedAt = now;
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    internal static string NewReference() =>
        "SB-" + RandomNumberGenerator.GetString(ReferenceAlphabet, ReferenceLength);

    /// <summary>The parent may give the UAI or the school's exact name; anything else stays free text for the académie to route.</summary>
    private async Task<School?> MatchSchoolAsync(string? given, CancellationToken cancellationToken)
    {
        var text = Trim(given);
        if (text is null)
        {
            return null;
        }

        if (Uai.IsValid(text))
        {
            var uai = Uai.Normalize(text);
            return await db.Schools.FirstOrDefaultAsync(s => s.Uai == uai, cancellationToken);
        }

        var matches = await db.Schools.Where(s => s.Name == text).Take(2).ToListAsync(cancellationToken);
        return matches.Count == 1 ? matches[0] : null;
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
