namespace SupportBot.Bot.Language;

internal readonly record struct SparseVector(int[] Indices, float[] Values)
{
    public bool IsEmpty => Indices.Length == 0;
}
