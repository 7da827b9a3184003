using SupportBot.Bot.Language;

namespace SupportBot.Bot.Tests.Language;

public sealed class BirthDateRecognitionTests
{
    private static readonly DateOnly Today = new(2026, 11, 23);

    private readonly EntityRecognizer _recognizer = new();

    /// <summary>What a parent types, and the date read ("yyyy-MM-dd") or the problem found.</summary>
    public static TheoryData<string, string> Phrasings => new()
    {
        // Numeric, with / - . or spaces, one or two digits, two- or four-digit years.
        { "16/06/2013", "2013-06-16" },
        { "16-06-2013", "2013-06-16" },
        { "16.06.2013", "2013-06-16" },
        { "16 06 2013", "2013-06-16" },
        { "6/3/2015", "2015-03-06" },
        { "06/03/15", "2015-03-06" },
        { "1-9-2019", "2019-09-01" },
        { "16/06/13", "2013-06-16" },
        { "31.12.99", "1999-12-31" },
        { "05/05/26", "2026-05-05" },
        { "16 / 06 / 2013", "2013-06-16" },
        { "16062013", "2013-06-16" },
        { "2013-06-16", "2013-06-16" },
        { "le 16/06/2013", "2013-06-16" },
        { "elle est née le 16/06/2013", "2013-06-16" },
        { "il est né le 03-11-2017 à Rennes", "2017-11-03" },
        { "date de naissance : 21.01.2012", "2012-01-21" },
        { "ma fille est née le 1/2/2016 et mon fils le 3/4/2018", "2016-02-01" },
        // Month names, with and without accents, abbreviated.
        { "16 juin 2013", "2013-06-16" },
        { "le 3 février 2016", "2016-02-03" },
        { "le 3 fevrier 2016", "2016-02-03" },
        { "3 fév 2016", "2016-02-03" },
        { "3 fev. 2016", "2016-02-03" },
        { "12 août 2014", "2014-08-12" },
        { "12 aout 2014", "2014-08-12" },
        { "25 décembre 2019", "2019-12-25" },
        { "25 decembre 2019", "2019-12-25" },
        { "25 déc. 2019", "2019-12-25" },
        { "7 janvier 2020", "2020-01-07" },
        { "7 janv 2020", "2020-01-07" },
        { "7 jan 2020", "2020-01-07" },
        { "9 mars 2011", "2011-03-09" },
        { "9 avr 2011", "2011-04-09" },
        { "9 avril 2011", "2011-04-09" },
        { "14 mai 2017", "2017-05-14" },
        { "14 juillet 2017", "2017-07-14" },
        { "14 juil. 2017", "2017-07-14" },
        { "30 septembre 2012", "2012-09-30" },
        { "30 sept 2012", "2012-09-30" },
        { "30 sept. 2012", "2012-09-30" },
        { "2 octobre 2010", "2010-10-02" },
        { "2 oct 2010", "2010-10-02" },
        { "11 novembre 2018", "2018-11-11" },
        { "11 nov 2018", "2018-11-11" },
        { "16 juin 13", "2013-06-16" },
        { "16 JUIN 2013", "2013-06-16" },
        { "16 Juin, 2013", "2013-06-16" },
        // 1er / premier, numbers in words, surrounding words.
        { "le 1er mars 2015", "2015-03-01" },
        { "ma fille est née le 1er mars 2015", "2015-03-01" },
        { "le premier mars 2015", "2015-03-01" },
        { "1ER MAI 2014", "2014-05-01" },
        { "seize juin deux mille treize", "2013-06-16" },
        { "elle est née le seize juin deux mille treize", "2013-06-16" },
        { "le vingt et un janvier deux mille dix-huit", "2018-01-21" },
        { "trente et un décembre deux mille quinze", "2015-12-31" },
        { "le vingt-neuf février deux mille seize", "2016-02-29" },
        { "dix-sept mai deux mille vingt", "2020-05-17" },
        { "le deux avril deux mille douze", "2012-04-02" },
        { "quatorze juillet mille neuf cent quatre-vingt-dix-neuf", "1999-07-14" },
        { "le premier septembre deux mille dix", "2010-09-01" },
        { "le 16 juin deux mille treize", "2013-06-16" },
        { "vingt-trois mars 2019", "2019-03-23" },
        { "mon fils est né le 5 septembre 2014, il est en CM2", "2014-09-05" },
        { "euh je crois que c'est le 12/10/2016", "2016-10-12" },
        { "Né le 29/02/2016", "2016-02-29" },
        { "elle est née le 23/11/2026", "2026-11-23" },
        // Impossible dates.
        { "31/02/2015", "Impossible" },
        { "30 février 2016", "Impossible" },
        { "29/02/2015", "Impossible" },
        { "29 février 2019", "Impossible" },
        { "12/13/2015", "Impossible" },
        { "32/01/2015", "Impossible" },
        { "00/05/2015", "Impossible" },
        { "31/04/2017", "Impossible" },
        { "06/16/2013", "Impossible" },
        { "trente et un juin deux mille dix", "Impossible" },
        // Future birth dates.
        { "24/11/2026", "Future" },
        { "1er janvier 2030", "Future" },
        { "16/06/2027", "Future" },
        // Month and year alone, day and month alone, year alone.
        { "juin 2013", "Incomplete" },
        { "en juin 2013", "Incomplete" },
        { "elle est née en février 2016", "Incomplete" },
        { "06/2013", "Incomplete" },
        { "16 juin", "Incomplete" },
        { "16/06", "Incomplete" },
        { "née en 2015", "Incomplete" },
        { "sept 2012", "Incomplete" },
        // No date at all.
        { "je ne sais pas", "NotFound" },
        { "", "NotFound" },
        { "ma fille a 8 ans", "NotFound" },
        { "mon numéro est le 06 12 34 56 78", "NotFound" },
        { "le 06.12.34.56.78", "NotFound" },
    };

    [Theory]
    [MemberData(nameof(Phrasings))]
    public void Phrasing_ReadsDateOrProblem(string text, string expected)
    {
        var recognition = _recognizer.RecognizeBirthDate(text, Today);

        var actual = recognition.Problem == DateProblem.None
            ? recognition.Date!.Value.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)
            : recognition.Problem.ToString();
        Assert.Equal(expected, actual);
        Assert.Equal(recognition.Problem == DateProblem.None, recognition.Date is not null);
    }

    [Fact]
    public void Table_HasAtLeast80Phrasings()
    {
        Assert.True(Phrasings.Count >= 80, $"{Phrasings.Count} phrasings");
    }

    [Fact]
    public void TwoDigitYear_DependsOnToday()
    {
        var before = _recognizer.RecognizeBirthDate("05/05/26", new DateOnly(2025, 1, 1));
        var after = _recognizer.RecognizeBirthDate("05/05/26", new DateOnly(2026, 6, 1));

        Assert.Equal(new DateOnly(1926, 5, 5), before.Date);
        Assert.Equal(new DateOnly(2026, 5, 5), after.Date);
    }
}
