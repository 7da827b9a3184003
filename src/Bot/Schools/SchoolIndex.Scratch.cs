namespace SupportBot.Bot.Schools;

// The buffers of one look-up: a slot per school and per commune, reset by generation stamps rather than cleared, so a
// look-up costs the postings of its words and not the size of the annuaire. The index pools them (Rent), so a look-up
// allocates only its words and its answer.
internal sealed partial class SchoolIndex
{
    /// <summary>
    /// Per-look-up arrays, one slot per school and per commune, reset by generation stamps rather than cleared, so a
    /// look-up touches only the postings of its words.
    /// </summary>
    private sealed class Scratch(int schools, int communes)
    {
        public int Generation;
        public int TokenGeneration;

        public readonly int[] Stamp = new int[schools];
        public readonly int[] TokenStamp = new int[schools];
        public readonly float[] Total = new float[schools];
        public readonly float[] NameMatched = new float[schools];
        public readonly uint[] NameMask = new uint[schools];

        /// <summary>The words that matched the school's name firmly (see <see cref="Match"/>); of those, the ones not generic.</summary>
        public readonly uint[] FirmMask = new uint[schools];
        public readonly uint[] DistinctMask = new uint[schools];

        /// <summary>The weight of the school's name terms typed firmly, to tell a name typed whole.</summary>
        public readonly float[] FirmNameIdf = new float[schools];
        public readonly float[] TokenName = new float[schools];
        public readonly float[] TokenFirm = new float[schools];
        public readonly float[] TokenCommune = new float[schools];
        public readonly float[] Final = new float[schools];
        public readonly float[] Explained = new float[schools];
        public readonly float[] NameCoverage = new float[schools];
        public readonly int[] Touched = new int[schools];
        public int TouchedCount;
        public readonly int[] TokenTouched = new int[schools];
        public int TokenTouchedCount;

        public readonly int[] CommuneStamp = new int[communes];
        public readonly int[] CommuneTokenStamp = new int[communes];
        public readonly int[] CommuneBestStamp = new int[communes];
        public readonly int[] CommuneNamedStamp = new int[communes];
        public readonly float[] CommuneCovered = new float[communes];
        public readonly float[] CommuneToken = new float[communes];
        public readonly float[] CommuneHeadCovered = new float[communes];
        public readonly float[] CommuneShare = new float[communes];
        public readonly float[] CommuneMatched = new float[communes];
        public readonly float[] CommuneTokenMatched = new float[communes];
        public readonly float[] CommuneHeadToken = new float[communes];

        /// <summary>How much of the commune's head was typed firmly, by words that are not generic.</summary>
        public readonly float[] CommuneFirmHead = new float[communes];
        public readonly float[] CommuneTokenFirm = new float[communes];
        public readonly float[] CommuneHeadTokenFirm = new float[communes];
        public readonly uint[] CommuneMask = new uint[communes];

        /// <summary>The words that matched the commune firmly and are not generic.</summary>
        public readonly uint[] CommuneDistinctMask = new uint[communes];
        public readonly int[] CommuneTouched = new int[communes];
        public int CommuneTouchedCount;
        public readonly int[] CommuneTokenTouched = new int[communes];
        public int CommuneTokenTouchedCount;

        public readonly float[] WordMass = new float[MaxWords];
        public readonly float[] WordBestShare = new float[MaxWords];
        public float Mass;
        public uint AllWords;

        /// <summary>The words that are everyday French (<see cref="SchoolText.IsGeneric"/>).</summary>
        public uint GenericWords;

        /// <summary>The words that named a commune, any that the text names (not only the best).</summary>
        public uint NamingWords;

        /// <summary>The words beside the best named communes, and the most of their weight a school of theirs has in its name.</summary>
        public uint RestWords;
        public float RestFits;

        public readonly List<(int Term, float Similarity, bool Firm)> Matches = [];
        public readonly List<(int Term, float Similarity, bool Firm)>[] WordMatches = [.. Enumerable.Range(0, MaxWords).Select(_ => new List<(int, float, bool)>())];
        public readonly string?[] WordPostalCode = new string?[MaxWords];
        public readonly List<(int Term, float Weight, float Firm)> Deferred = [];
        public readonly List<(int Commune, float Weight)>[] WordCommunes = [.. Enumerable.Range(0, MaxWords).Select(_ => new List<(int, float)>())];
        public readonly List<int> Communes = [];
        public readonly List<(int Term, int Distance)> Fuzzy = [];

        public void BeginQuery()
        {
            if (Generation == int.MaxValue)
            {
                Array.Clear(Stamp);
                Array.Clear(CommuneStamp);
                Array.Clear(CommuneBestStamp);
                Array.Clear(CommuneNamedStamp);
                Generation = 0;
            }

            Generation++;
            TouchedCount = 0;
            CommuneTouchedCount = 0;
            Mass = 0;
            AllWords = 0;
            GenericWords = 0;
            NamingWords = 0;
            Array.Clear(WordMass);
            Array.Clear(WordBestShare);
        }

        public void BeginToken()
        {
            if (TokenGeneration == int.MaxValue)
            {
                Array.Clear(TokenStamp);
                Array.Clear(CommuneTokenStamp);
                TokenGeneration = 0;
            }

            TokenGeneration++;
            TokenTouchedCount = 0;
            CommuneTokenTouchedCount = 0;
        }

        /// <summary>Marks a commune of the current word with its weight (the word's commune slots, free once the communes were scored).</summary>
        public void MarkCommune(int commune, float weight)
        {
            CommuneTokenStamp[commune] = TokenGeneration;
            CommuneToken[commune] = weight;
        }

        public void TouchToken(int school)
        {
            if (TokenStamp[school] != TokenGeneration)
            {
                TokenStamp[school] = TokenGeneration;
                TokenName[school] = 0;
                TokenFirm[school] = 0;
                TokenCommune[school] = 0;
                TokenTouched[TokenTouchedCount++] = school;
            }
        }

        public void TouchCommuneToken(int commune)
        {
            if (CommuneTokenStamp[commune] != TokenGeneration)
            {
                CommuneTokenStamp[commune] = TokenGeneration;
                CommuneToken[commune] = 0;
                CommuneTokenMatched[commune] = 0;
                CommuneHeadToken[commune] = 0;
                CommuneTokenFirm[commune] = 0;
                CommuneHeadTokenFirm[commune] = 0;
                CommuneTokenTouched[CommuneTokenTouchedCount++] = commune;
            }
        }

        public void Touch(int school)
        {
            if (Stamp[school] != Generation)
            {
                Stamp[school] = Generation;
                Total[school] = 0;
                NameMatched[school] = 0;
                NameMask[school] = 0;
                FirmMask[school] = 0;
                DistinctMask[school] = 0;
                FirmNameIdf[school] = 0;
                Touched[TouchedCount++] = school;
            }
        }

        public void TouchCommune(int commune)
        {
            if (CommuneStamp[commune] != Generation)
            {
                CommuneStamp[commune] = Generation;
                CommuneCovered[commune] = 0;
                CommuneMatched[commune] = 0;
                CommuneHeadCovered[commune] = 0;
                CommuneFirmHead[commune] = 0;
                CommuneMask[commune] = 0;
                CommuneDistinctMask[commune] = 0;
                CommuneTouched[CommuneTouchedCount++] = commune;
            }
        }

        public bool InBest(int commune) => commune >= 0 && CommuneBestStamp[commune] == Generation;

        public bool InNamed(int commune) => commune >= 0 && CommuneNamedStamp[commune] == Generation;
    }
}
