namespace SupportBot.AccountDirectory.Schools.Annuaire;

/// <summary>The file is not the annuaire's export (its header lacks a column SupportBot reads); the message says file:line.</summary>
public sealed class AnnuaireFormatException(string message) : Exception(message);
