using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;
using SupportBot.AccountDirectory;
using SupportBot.AccountDirectory.Providers;

// Usage: dotnet run --project tools/DirectoryMigrations -- add <MigrationName>
// Writes src/Directory/Migrations/Sqlite/<timestamp>_<Name>.cs and src/Directory/Migrations/SqlServer/..., the way
// `dotnet ef migrations add` would for each provider's context.
if (args is not ["add", var name])
{
    Console.Error.WriteLine("usage: dotnet run --project tools/DirectoryMigrations -- add <MigrationName>");
    return 2;
}

var root = FindRepositoryRoot();
var projectDir = Path.Combine(root, "src", "Directory");
var contexts = new (string Provider, DirectoryDbContext Context)[]
{
    ("Sqlite", new SqliteDirectoryDbContext(new DbContextOptionsBuilder<SqliteDirectoryDbContext>()
        .UseSqlite("Data Source=design.db").Options)),
    ("SqlServer", new SqlServerDirectoryDbContext(new DbContextOptionsBuilder<SqlServerDirectoryDbContext>()
        .UseSqlServer("Server=localhost;Database=SupportBot;Trusted_Connection=True;TrustServerCertificate=True").Options)),
};

foreach (var (provider, context) in contexts)
{
    var reporter = new OperationReporter(new OperationReportHandler(
        m => Console.Error.WriteLine($"error: {m}"), m => Console.Error.WriteLine($"warn: {m}"), Console.WriteLine, _ => { }));
    var designServices = new DesignTimeServicesBuilder(typeof(DirectoryDbContext).Assembly, typeof(Program).Assembly, reporter, [])
        .Build(context);
    var scaffolder = designServices.GetRequiredService<IMigrationsScaffolder>();
    var migration = scaffolder.ScaffoldMigration(name, "SupportBot.AccountDirectory", $"Migrations.{provider}", "C#");
    var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations", provider));
    Console.WriteLine($"{provider}: {Path.GetRelativePath(root, files.MigrationFile!)}");
    await context.DisposeAsync();
}

return 0;

static string FindRepositoryRoot()
{
    for (var dir = new DirectoryInfo(Environment.CurrentDirectory); dir is not null; dir = dir.Parent)
    {
        if (File.Exists(Path.Combine(dir.FullName, "SupportBot.sln")))
        {
            return dir.FullName;
        }
    }

    throw new InvalidOperationException("Run from inside the SupportBot repository (SupportBot.sln not found).");
}
