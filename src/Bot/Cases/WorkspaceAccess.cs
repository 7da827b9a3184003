namespace SupportBot.Bot.Cases;

/// <summary>Who a workspace link lets in: one school's director (by UAI), or the académie's assistance.</summary>
internal sealed record WorkspaceAccess(string? SchoolUai)
{
    public static WorkspaceAccess Academie { get; } = new((string?)null);

    public bool IsAcademie => SchoolUai is null;

    public static WorkspaceAccess School(string uai) => new(uai);
}
