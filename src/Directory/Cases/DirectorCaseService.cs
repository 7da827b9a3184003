using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using SupportBot.AccountDirectory.Schools;
using SupportBot.AccountDirectory.Validation;

namespace SupportBot.AccountDirectory.Cases;

/// <summary>
/// The cases the bot routes to school directors, and what directors and the académie do with them. Every change is
/// recorded as a <see cref="DirectorCaseEvent"/> (who, when, their note). A case with no school is in the académie's queue.
/// </summary>
public sealed class DirectorCaseService(DirectoryDbContext db, TimeProvider time, IOptions<CasesOptions> options)
{
    // No 0/O, 1/I/L: the parent reads the reference aloud or types it on a phone.
    private const string ReferenceAlphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int ReferenceLength = 6;
    private const int MaxFreeTextLength = 2000;
    public const int MaxDirectorMessageLength = 300;
    public const int MaxReasonLength = 500;

    public async Task<CaseOpening> OpenAsync(NewDirectorCase request, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(request.Channel))
        {
            throw new DirectoryValidationException("Channel", "le canal de la demande est obligatoire.");
        }

        if (request.FreeText is { Length: > MaxFreeTextLength })
        {
            throw new DirectoryValidationException("FreeText", $"le texte libre dépasse {MaxFreeTextLength} caractères.");
        }

        var phone = MobilePhones.NormalizeOptional(request.PhoneGiven, "PhoneGiven");
        var email = EmailAddresses.NormalizeOptional(request.EmailGiven, "EmailGiven");
        var school = await FindSchoolAsync(request.SchoolUai ?? request.SchoolGiven, cancellationToken);
        var now = time.GetUtcNow();
        var settings = options.Value;

        // A parent who asks again (a second message, the other parent, a retry the next morning) gets the first case,
        // and the school one mail, not two.
        if (await FindDuplicateAsync(request, school, now - TimeSpan.FromHours(settings.DuplicateWindowHours), cancellationToken) is { } first)
        {
            first.Events.Add(new DirectorCaseEvent { At = now, Type = DirectorCaseEventType.Repeated, SchoolId = first.SchoolId, Note = Differences(first, phone, email, request) });
            first.UpdatedAt = now;
            await db.SaveChangesAsync(cancellationToken);
            return new CaseOpening(CaseOpeningOutcome.Merged, first);
        }

        if (await IsLimitedAsync(request.Requester, now - TimeSpan.FromHours(settings.LimitWindowHours), cancellationToken))
        {
            return new CaseOpening(CaseOpeningOutcome.Limited, null);
        }

        var directorCase = new DirectorCase
        {
            Reference = NewReference(),
            Kind = request.Kind,
            Status = DirectorCaseStatus.Open,
            Channel = request.Channel.Trim(),
            ChannelAddress = Trim(request.ChannelAddress),
            SchoolGiven = Trim(request.SchoolGiven),
            School = school,
            PupilGiven = Trim(request.PupilGiven),
            PupilBirthDateGiven = request.PupilBirthDateGiven,
            ResponsableGiven = Trim(request.ResponsableGiven),
            PhoneGiven = phone,
            EmailGiven = email,
            IdentifierGiven = Trim(request.IdentifierGiven),
            FreeText = Trim(request.FreeText),
            ConversationKey = request.Requester?.Conversation,
            SenderKey = request.Requester?.Sender,
            ClientKey = request.Requester?.Client,
            CreatedAt = now,
            UpdatedAt = now,
        };
        directorCase.Events.Add(new DirectorCaseEvent
        {
            At = now,
            Type = DirectorCaseEventType.Opened,
            School = school,
            Note = school is null ? directorCase.SchoolGiven : null,
        });
        db.DirectorCases.Add(directorCase);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await db.SaveChangesAsync(cancellationToken);
                return new CaseOpening(CaseOpeningOutcome.Opened, directorCase);
            }
            catch (DbUpdateException e) when (UniqueViolation.Is(e, nameof(DirectorCase.Reference)) && attempt < 5)
            {
                directorCase.Reference = NewReference();
            }
        }
    }

    public Task<DirectorCase?> FindAsync(string reference, CancellationToken cancellationToken = default)
    {
        var key = NormalizeReference(reference);
        return db.DirectorCases.Include(c => c.School).FirstOrDefaultAsync(c => c.Reference == key, cancellationToken);
    }

    /// <summary>The case with its history, oldest event first.</summary>
    public Task<DirectorCase?> FindWithEventsAsync(string reference, CancellationToken cancellationToken = default)
    {
        var key = NormalizeReference(reference);
        return db.DirectorCases.AsNoTracking().AsSplitQuery()
            .Include(c => c.School)
            .Include(c => c.Events.OrderBy(e => e.Id)).ThenInclude(e => e.School)
            .FirstOrDefaultAsync(c => c.Reference == key, cancellationToken);
    }

    /// <summary>Where a case stands, for the parent's « où en est ma demande ? »: nothing personal.</summary>
    public async Task<CaseStatus?> StatusAsync(string reference, CancellationToken cancellationToken = default)
    {
        var key = NormalizeReference(reference);
        return await db.DirectorCases.AsNoTracking()
            .Where(c => c.Reference == key)
            .Select(c => new CaseStatus(c.Reference, c.Status, c.SchoolId != null, c.CreatedAt, c.ResolvedAt))
            .FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A school's open cases and those treated within <see cref="CasesOptions.ClosedCasesShownDays"/>, newest first.</summary>
    public async Task<IReadOnlyList<DirectorCase>> ListForSchoolAsync(int schoolId, CancellationToken cancellationToken = default)
    {
        var since = time.GetUtcNow() - TimeSpan.FromDays(options.Value.ClosedCasesShownDays);
        var cases = await db.DirectorCases.AsNoTracking()
            .Where(c => c.SchoolId == schoolId && (c.Status == DirectorCaseStatus.Open || c.ResolvedAt >= since))
            .ToListAsync(cancellationToken);

        // Sorted here: SQLite cannot order by a DateTimeOffset column.
        return [.. cases.OrderBy(c => c.Status).ThenByDescending(c => c.CreatedAt)];
    }

    /// <summary>The académie's queue: open cases that no school holds, oldest first.</summary>
    public async Task<IReadOnlyList<DirectorCase>> ListUnroutedAsync(CancellationToken cancellationToken = default)
    {
        var cases = await db.DirectorCases.AsNoTracking()
            .Where(c => c.SchoolId == null && c.Status == DirectorCaseStatus.Open)
            .ToListAsync(cancellationToken);
        return [.. cases.OrderBy(c => c.CreatedAt)];
    }

    /// <summary>
    /// The school treated the case (<paramref name="schoolId"/>: only if it holds it; null: any open case, for tools).
    /// <paramref name="message"/> goes to the parent as written. False when there is no such open case.
    /// </summary>
    public async Task<bool> ResolveAsync(string reference, int? schoolId = null, string? message = null, CancellationToken cancellationToken = default)
    {
        var text = Trim(message);
        if (text is { Length: > MaxDirectorMessageLength })
        {
            throw new DirectoryValidationException("message", $"le message au parent dépasse {MaxDirectorMessageLength} caractères.");
        }

        var directorCase = await FindAsync(reference, cancellationToken);
        if (directorCase is not { Status: DirectorCaseStatus.Open } || (schoolId is { } id && directorCase.SchoolId != id))
        {
            return false;
        }

        var now = time.GetUtcNow();
        directorCase.Status = DirectorCaseStatus.Resolved;
        directorCase.ResolvedAt = now;
        directorCase.UpdatedAt = now;
        directorCase.DirectorMessage = text;
        directorCase.Events.Add(new DirectorCaseEvent { At = now, Type = DirectorCaseEventType.Resolved, SchoolId = directorCase.SchoolId, Note = text });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    public Task<bool> ResolveAsync(string reference, CancellationToken cancellationToken) =>
        ResolveAsync(reference, null, null, cancellationToken);

    /// <summary>« Pas dans notre école »: the case goes back to the académie's queue, with the school's reason.</summary>
    public async Task<bool> RefuseAsync(string reference, int schoolId, string reason, CancellationToken cancellationToken = default)
    {
        var text = Trim(reason) ?? throw new DirectoryValidationException("raison", "la raison est obligatoire.");
        if (text.Length > MaxReasonLength)
        {
            throw new DirectoryValidationException("raison", $"la raison dépasse {MaxReasonLength} caractères.");
        }

        var directorCase = await FindAsync(reference, cancellationToken);
        if (directorCase is not { Status: DirectorCaseStatus.Open } || directorCase.SchoolId != schoolId)
        {
            return false;
        }

        var now = time.GetUtcNow();
        directorCase.School = null;
        directorCase.SchoolId = null;
        directorCase.UpdatedAt = now;
        directorCase.DestinationMailedAt = null;
        directorCase.DestinationMailClaimedUntil = null;
        directorCase.Events.Add(new DirectorCaseEvent { At = now, Type = DirectorCaseEventType.Refused, SchoolId = schoolId, Note = text });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The académie gives a case of its queue to an open school; the school's director is mailed next.</summary>
    public async Task<bool> AssignAsync(string reference, string uai, CancellationToken cancellationToken = default)
    {
        var school = await FindSchoolAsync(uai, cancellationToken);
        var directorCase = await FindAsync(reference, cancellationToken);
        if (school is null || directorCase is not { Status: DirectorCaseStatus.Open, SchoolId: null })
        {
            return false;
        }

        var now = time.GetUtcNow();
        directorCase.School = school;
        directorCase.UpdatedAt = now;
        directorCase.DestinationMailedAt = null;
        directorCase.DestinationMailClaimedUntil = null;
        directorCase.Events.Add(new DirectorCaseEvent { At = now, Type = DirectorCaseEventType.Assigned, School = school });
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The parent asked to be told when the case is treated; false when the case does not exist.</summary>
    public async Task<bool> SetContactAsync(string reference, string? email, string? phone, CancellationToken cancellationToken = default)
    {
        var normalizedEmail = EmailAddresses.NormalizeOptional(email, "email");
        var normalizedPhone = MobilePhones.NormalizeOptional(phone, "phone");
        var directorCase = await FindAsync(reference, cancellationToken);
        if (directorCase is null)
        {
            return false;
        }

        directorCase.ContactEmail = normalizedEmail ?? directorCase.ContactEmail;
        directorCase.ContactPhone = normalizedPhone ?? directorCase.ContactPhone;
        directorCase.UpdatedAt = time.GetUtcNow();
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>SB-7KQ4M2, sb 7kq4m2, 7KQ4M2 → SB-7KQ4M2.</summary>
    public static string NormalizeReference(string reference)
    {
        var key = new string([.. reference.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
        if (key.StartsWith("SB", StringComparison.Ordinal) && key.Length == ReferenceLength + 2)
        {
            key = key[2..];
        }

        return "SB-" + key;
    }

    internal static string NewReference() =>
        "SB-" + RandomNumberGenerator.GetString(ReferenceAlphabet, ReferenceLength);

    /// <summary>An open school by UAI; anything that is not a UAI finds nothing (the bot resolves names before).</summary>
    private async Task<School?> FindSchoolAsync(string? given, CancellationToken cancellationToken)
    {
        var text = Trim(given)?.Replace(" ", "", StringComparison.Ordinal);
        if (text is null || !Uai.IsValid(text))
        {
            return null;
        }

        var uai = Uai.Normalize(text);
        return await db.Schools.FirstOrDefaultAsync(s => s.Uai == uai && s.ClosedAt == null, cancellationToken);
    }

    private async Task<DirectorCase?> FindDuplicateAsync(NewDirectorCase request, School? school, DateTimeOffset since,
        CancellationToken cancellationToken)
    {
        var pupil = NameKey(request.PupilGiven);
        if (pupil.Length == 0 && request.PupilBirthDateGiven is null)
        {
            return null;
        }

        var schoolId = school?.Id;
        var candidates = await db.DirectorCases
            .Include(c => c.School)
            .Include(c => c.Events)
            .Where(c => c.Kind == request.Kind && c.Status == DirectorCaseStatus.Open && c.SchoolId == schoolId && c.CreatedAt >= since)
            .ToListAsync(cancellationToken);
        return candidates
            .Where(c => school is not null || NameKey(c.SchoolGiven) == NameKey(request.SchoolGiven))
            .Where(c => NameKey(c.PupilGiven) == pupil && c.PupilBirthDateGiven == request.PupilBirthDateGiven)
            .OrderBy(c => c.CreatedAt)
            .FirstOrDefault();
    }

    private async Task<bool> IsLimitedAsync(RequesterKeys? requester, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var settings = options.Value;
        return await ExceedsAsync(c => c.ConversationKey == requester!.Conversation, requester?.Conversation, settings.CasesPerConversation)
            || await ExceedsAsync(c => c.SenderKey == requester!.Sender, requester?.Sender, settings.CasesPerSender)
            || await ExceedsAsync(c => c.ClientKey == requester!.Client, requester?.Client, settings.CasesPerClientAddress);

        async Task<bool> ExceedsAsync(System.Linq.Expressions.Expression<Func<DirectorCase, bool>> same, string? key, int limit)
        {
            if (key is null)
            {
                return false;
            }

            return await db.DirectorCases.Where(same).CountAsync(c => c.CreatedAt >= since, cancellationToken) >= limit;
        }
    }

    /// <summary>What the repeated request says that the case does not (a new phone, another address), for the director.</summary>
    private static string? Differences(DirectorCase first, string? phone, string? email, NewDirectorCase request)
    {
        var notes = new List<string>();
        if (phone is not null && phone != first.PhoneGiven)
        {
            notes.Add($"téléphone indiqué : {phone}");
        }

        if (email is not null && email != first.EmailGiven)
        {
            notes.Add($"adresse indiquée : {email}");
        }

        if (Trim(request.ResponsableGiven) is { } parent && NameKey(parent) != NameKey(first.ResponsableGiven))
        {
            notes.Add($"parent : {parent}");
        }

        return notes.Count == 0 ? null : string.Join(" ; ", notes);
    }

    /// <summary>« Alexis Durand », « DURAND alexis », « Durand, Alexis » → the same key.</summary>
    private static string NameKey(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return "";
        }

        var decomposed = name.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var letters = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark)
            {
                letters.Append(char.IsLetterOrDigit(c) ? c : ' ');
            }
        }

        return string.Join(' ', letters.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Order(StringComparer.Ordinal));
    }

    private static string? Trim(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
