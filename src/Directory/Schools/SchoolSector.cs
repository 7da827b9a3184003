namespace SupportBot.AccountDirectory.Schools;

/// <summary><c>Statut_public_prive</c> in the annuaire.</summary>
public enum SchoolSector
{
    Public,

    /// <summary>Privé (under contract: its director reads <c>ec.&lt;UAI&gt;@ac-rennes.fr</c>).</summary>
    Private,
}
