using SupportBot.Migration.Input;

namespace SupportBot.Migration.Rules;

/// <summary>
/// Every SIECLE person whose folded names are those of a holder, bucketed by those names (rule 1 and its near misses
/// only ever compare such persons), in one flat array: bucket b is <c>members[start[b]..start[b + 1]]</c>, its persons
/// in read order. The names of the others are folded into a buffer and never become strings.
/// </summary>
internal sealed class NameBuckets
{
    private readonly int[] _start;
    private readonly SieclePerson[] _members;

    private NameBuckets(int[] start, SieclePerson[] members)
    {
        _start = start;
        _members = members;
    }

    public int Count => _start.Length - 1;

    public Span<SieclePerson> Members(int bucket) => _members.AsSpan(_start[bucket], _start[bucket + 1] - _start[bucket]);

    public static NameBuckets Build(SiecleData siecle, Holders holders)
    {
        var names = new Dictionary<string, int>(StringComparer.Ordinal);
        var lookup = names.GetAlternateLookup<ReadOnlySpan<char>>();
        Span<char> buffer = stackalloc char[1024];
        var holderBucket = new int[holders.Count];
        for (var h = 0; h < holders.Count; h++)
        {
            var holder = holders.Persons[h];
            var name = Identity.NameKey(holder.FamilyName, holder.FirstName, buffer);
            if (!lookup.TryGetValue(name, out var bucket))
            {
                bucket = names.Count;
                names.Add(name.ToString(), bucket);
            }

            holderBucket[h] = bucket;
        }

        // Bucket + 1 of each person by read rank (0: in none), then the counting sort into the flat array.
        var bucketOf = new int[siecle.Persons.Count];
        var start = new int[names.Count + 1];
        foreach (var person in siecle.Persons.Values)
        {
            var h = holders.IndexOf(person);
            var bucket = h >= 0 ? holderBucket[h]
                : lookup.TryGetValue(Identity.NameKey(person.FamilyName, person.FirstName, buffer), out var found) ? found
                : -1;
            bucketOf[person.Index] = bucket + 1;
            if (bucket >= 0)
            {
                start[bucket + 1]++;
            }
        }

        for (var b = 0; b < names.Count; b++)
        {
            start[b + 1] += start[b];
        }

        var members = new SieclePerson[start[^1]];
        var next = start[..^1];
        foreach (var person in siecle.Persons.Values)
        {
            if (bucketOf[person.Index] - 1 is var bucket and >= 0)
            {
                members[next[bucket]++] = person;
            }
        }

        return new NameBuckets(start, members);
    }
}
