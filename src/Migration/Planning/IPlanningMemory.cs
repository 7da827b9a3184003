using SupportBot.Migration.Input;

namespace SupportBot.Migration.Planning;

/// <summary>
/// The points of the planning where part of its input is read for the last time. The rules never release anything
/// themselves: what to drop, and whether to compact the heap then, is the run's memory policy (<c>Run/MemoryPolicy.cs</c>).
/// </summary>
internal interface IPlanningMemory
{
    /// <summary>The stale attachments are reported: only the attachments' pupils are read from here on.</summary>
    void AttachmentsChecked(LegacyData legacy);

    /// <summary>Every UAJ:ID key of the inputs has been resolved: only the records are read from here on, not the dictionaries by key.</summary>
    void KeysResolved(SiecleData siecle);

    /// <summary>The persons are grouped into accounts: the holders' index, and the persons in no account but rule 1's buckets, are unread from here on.</summary>
    void Grouped();

    /// <summary>This person's responsibilities will not be read again (it has no account, or its account's links are made).</summary>
    void ResponsibilitiesRead(SieclePerson person);

    /// <summary>This account's legacy accounts will not be read again (its e-mail, links and aliases are chosen).</summary>
    void LegacyAccountsRead(Plan.PlannedAccount account);
}
