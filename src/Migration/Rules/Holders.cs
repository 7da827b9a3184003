using SupportBot.Migration.Input;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Rule 2's holders, numbered in the order met, each with its legacy accounts in flat arrays (holder h's are
/// <c>Accounts[Start[h]..Start[h + 1]]</c>, in the order read): no list and no dictionary entry per holder.
/// </summary>
internal sealed class Holders(int personCount)
{
    // Holder number + 1 by person read rank (0: not a holder).
    private readonly int[] _numberByPerson = new int[personCount];

    public List<SieclePerson> Persons { get; } = [];

    public int Count => Persons.Count;

    public int[] Start { get; set; } = [0];

    public LegacyAccount[] Accounts { get; set; } = [];

    /// <summary>The person's holder number, new or already given.</summary>
    public int Add(SieclePerson person)
    {
        var number = _numberByPerson[person.Index];
        if (number == 0)
        {
            Persons.Add(person);
            number = _numberByPerson[person.Index] = Persons.Count;
        }

        return number - 1;
    }

    /// <summary>The person's holder number, or -1 when the person holds no legacy account.</summary>
    public int IndexOf(SieclePerson person) => _numberByPerson[person.Index] - 1;

    public ReadOnlySpan<LegacyAccount> AccountsOf(SieclePerson holder)
    {
        var h = IndexOf(holder);
        return Accounts.AsSpan(Start[h], Start[h + 1] - Start[h]);
    }
}
