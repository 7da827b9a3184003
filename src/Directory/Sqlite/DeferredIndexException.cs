using Microsoft.Data.Sqlite;

namespace SupportBot.AccountDirectory.Sqlite;

/// <summary>
/// A unique index set aside during a bulk load cannot be built again: rows written meanwhile collide. The directory is
/// left as it was (rows kept, index still recorded as set aside), and nothing should run on it until an operator acts.
/// </summary>
public sealed class DeferredIndexException(string index, string table, string collisions, SqliteException inner)
    : Exception(
        $"l'index unique {index} de la table {table} n'a pas pu être recréé : des lignes ont la même valeur"
        + (collisions.Length > 0 ? $" (lignes en double : {collisions})" : "")
        + $". L'annuaire n'est pas utilisable en l'état : restaurez la sauvegarde prise avant la migration, ou supprimez les doublons puis relancez ; l'index reste noté dans la table {DeferredIndexes.Table}. ({inner.Message})",
        inner)
{
    public string Index { get; } = index;
}
