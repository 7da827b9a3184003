namespace SupportBot.Migration.Reporting;

/// <summary>
/// One line of the rejects CSV: a record refused (<see cref="Rejected"/>) or migrated with something worth telling
/// the operator. <see cref="Reason"/> is a stable code, <see cref="Detail"/> the French explanation; no e-mail or phone.
/// </summary>
internal sealed record ReportEntry(string File, int Line, string Record, bool Rejected, string Reason, string Detail);
