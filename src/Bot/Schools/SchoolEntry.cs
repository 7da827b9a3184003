using SupportBot.AccountDirectory.Schools;

namespace SupportBot.Bot.Schools;

/// <summary>A school as the search knows it: the annuaire's name, commune and sector under its UAI.</summary>
internal sealed record SchoolEntry(string Uai, string Name, string? Commune, string? PostalCode, SchoolSector? Sector);
