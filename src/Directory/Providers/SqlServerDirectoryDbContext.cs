using Microsoft.EntityFrameworkCore;

namespace SupportBot.AccountDirectory.Providers;

public sealed class SqlServerDirectoryDbContext(DbContextOptions<SqlServerDirectoryDbContext> options) : DirectoryDbContext(options);
