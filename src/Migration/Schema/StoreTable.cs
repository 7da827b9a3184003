using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace SupportBot.Migration.Schema;

/// <summary>
/// A table of the directory as the EF model maps it: its name (<c>GetTableName</c>) and its columns' names by entity
/// property (<c>GetColumnName</c> for the table's store object), so that the bulk path's SQL follows the model
/// instead of repeating its names.
/// </summary>
internal sealed class StoreTable
{
    private readonly IEntityType _entity;
    private readonly StoreObjectIdentifier _store;

    private StoreTable(IEntityType entity)
    {
        _entity = entity;
        Name = entity.GetTableName() ?? throw new InvalidOperationException($"{entity.DisplayName()} is mapped to no table.");
        _store = StoreObjectIdentifier.Table(Name, entity.GetSchema());
        var key = entity.FindPrimaryKey();
        Id = key is { Properties: [var id] } && id.ValueGenerated == ValueGenerated.OnAdd ? Column(id.Name) : null;
    }

    public string Name { get; }

    /// <summary>The column of the database-generated key, or null when the table has none (a composite key).</summary>
    public string? Id { get; }

    public static StoreTable Of<TEntity>(IModel model) =>
        new(model.FindEntityType(typeof(TEntity)) ?? throw new InvalidOperationException($"{typeof(TEntity).Name} is not in the directory's model."));

    /// <summary>The column of the entity property <paramref name="property"/> (pass <c>nameof(Entity.Property)</c>).</summary>
    public string Column(string property) =>
        (_entity.FindProperty(property) ?? throw new InvalidOperationException($"{_entity.DisplayName()}.{property} is not mapped.")).GetColumnName(_store)
        ?? throw new InvalidOperationException($"{_entity.DisplayName()}.{property} has no column in {Name}.");

    public string[] Columns(params string[] properties) => properties.Select(Column).ToArray();

    /// <summary>SELECT of the columns of these entity properties, in that order, from the whole table.</summary>
    public string Select(params string[] properties) => $"SELECT {string.Join(", ", properties.Select(p => $"[{Column(p)}]"))} FROM [{Name}]";
}

/// <summary>The tables the migration reads (<c>Input/ExistingDirectory.cs</c>) or writes (<c>Writing/</c>), resolved once from the directory's model.</summary>
internal sealed class StoreTables(IModel model)
{
    public StoreTable Schools { get; } = StoreTable.Of<AccountDirectory.Schools.School>(model);

    public StoreTable Pupils { get; } = StoreTable.Of<AccountDirectory.Pupils.Pupil>(model);

    public StoreTable Accounts { get; } = StoreTable.Of<AccountDirectory.Accounts.Account>(model);

    public StoreTable Persons { get; } = StoreTable.Of<AccountDirectory.Persons.Person>(model);

    public StoreTable Links { get; } = StoreTable.Of<AccountDirectory.Persons.PersonPupilLink>(model);

    public StoreTable Aliases { get; } = StoreTable.Of<AccountDirectory.Accounts.AccountAlias>(model);

    public StoreTable Runs { get; } = StoreTable.Of<AccountDirectory.SiecleMigration.SiecleMigrationRun>(model);

    /// <summary>The tables the migration fills, whose secondary indexes it may set aside (parents first).</summary>
    public StoreTable[] Filled => [Accounts, Persons, Pupils, Links, Aliases];
}
