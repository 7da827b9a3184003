using SupportBot.Migration.Input;

namespace SupportBot.Migration.Tests.Input;

/// <summary>
/// Keys and COMPTE_IDs are kept as numbers, but identifiers, report lines and tie-breaks follow the order of their
/// strings: the numbers must sort exactly as the strings would, and equal texts must give equal keys from any thread.
/// </summary>
public sealed class RecordKeysTests
{
    private static readonly string[] Ids =
    [
        "0", "1", "2", "9", "10", "11", "19", "100", "101", "99", "990", "1000000", "999999", "1234567", "123456", "12345678",
        "9999999999999", "1000000000000", "10000000000000", "007", "0042", "A17", "a17", "42 ", "12-3", "123456789012345", "",
    ];

    [Fact]
    public void Keys_SortLikeTheirUajIdStrings_WhateverTheirShape()
    {
        var keys = new RecordKeys();
        string[] uajs = ["0351000Y", "0350999X", "0291234A", "0351000Z"];
        var texts = new List<string>();
        var numbers = new List<long>();
        foreach (var uaj in uajs)
        {
            foreach (var id in Ids)
            {
                texts.Add($"{uaj}:{id.Trim()}");
                numbers.Add(keys.Key(uaj, id));
            }
        }

        for (var i = 0; i < texts.Count; i++)
        {
            Assert.Equal(texts[i], keys.ToString(numbers[i]));
            for (var j = 0; j < texts.Count; j++)
            {
                Assert.True(Math.Sign(string.CompareOrdinal(texts[i], texts[j])) == Math.Sign(keys.Compare(numbers[i], numbers[j])),
                    $"{texts[i]} vs {texts[j]}: strings {string.CompareOrdinal(texts[i], texts[j])}, keys {keys.Compare(numbers[i], numbers[j])}");
            }
        }
    }

    [Fact]
    public void Decimals_CompareLikeTheirStrings_AcrossEveryLength()
    {
        var random = new Random(20261123);
        var values = new List<long> { 0, 1, 9, 10, 99, 100, 999_999_999_999_999_999, 100_000_000_000_000_000 };
        for (var i = 0; i < 2000; i++)
        {
            var digits = random.Next(1, DecimalText.MaxDigits + 1);
            values.Add(random.NextInt64((long)Math.Pow(10, digits - 1), (long)Math.Pow(10, digits)));
            values.Add((long)Math.Pow(10, digits - 1) * random.Next(1, 10));
        }

        foreach (var a in values)
        {
            var b = values[random.Next(values.Count)];
            Assert.Equal(Math.Sign(string.CompareOrdinal(a.ToString(), b.ToString())), Math.Sign(DecimalText.Compare(a, b)));
            Assert.True(DecimalText.TryParse(a.ToString(), out var parsed) && parsed == a);
        }

        Assert.False(DecimalText.TryParse("0123", out _));
        Assert.False(DecimalText.TryParse("1234567890123456789", out _));
        Assert.False(DecimalText.TryParse("+12", out _));
    }

    [Fact]
    public async Task EqualTexts_GiveEqualKeys_FromConcurrentReaders()
    {
        var keys = new RecordKeys();
        string[] uajs = [.. Enumerable.Range(0, 50).Select(i => $"03{i:D5}X")];
        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(t => Task.Run(() =>
        {
            var mine = new Dictionary<string, long>();
            foreach (var uaj in t % 2 == 0 ? uajs : uajs.Reverse())
            {
                foreach (var id in Ids)
                {
                    mine[$"{uaj}:{id.Trim()}"] = keys.Key(uaj, id);
                }
            }

            return mine;
        })));

        foreach (var other in results.Skip(1))
        {
            Assert.Equal(results[0], other);
        }

        Assert.Equal(results[0].Count, results[0].Values.Distinct().Count());
    }
}
