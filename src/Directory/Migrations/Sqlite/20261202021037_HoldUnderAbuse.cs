using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportBot.AccountDirectory.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class HoldUnderAbuse : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "TurnOwner",
                table: "ChannelConversations",
                type: "TEXT",
                unicode: false,
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "TurnUntilMs",
                table: "ChannelConversations",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "MailQueue",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Purpose = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Target = table.Column<string>(type: "TEXT", maxLength: 254, nullable: true),
                    MaskedTarget = table.Column<string>(type: "TEXT", maxLength: 254, nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    Attempts = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedAt = table.Column<long>(type: "INTEGER", nullable: false),
                    NextAttemptAt = table.Column<long>(type: "INTEGER", nullable: false),
                    ClaimedUntil = table.Column<long>(type: "INTEGER", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    FailedAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MailQueue", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "RateLimitCounters",
                columns: table => new
                {
                    Key = table.Column<string>(type: "TEXT", unicode: false, maxLength: 80, nullable: false),
                    WindowEndMs = table.Column<long>(type: "INTEGER", nullable: false),
                    Count = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_RateLimitCounters", x => x.Key);
                });

            migrationBuilder.CreateIndex(
                name: "IX_MailQueue_Status_NextAttemptAt",
                table: "MailQueue",
                columns: new[] { "Status", "NextAttemptAt" });

            migrationBuilder.CreateIndex(
                name: "IX_RateLimitCounters_WindowEndMs",
                table: "RateLimitCounters",
                column: "WindowEndMs");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "MailQueue");

            migrationBuilder.DropTable(
                name: "RateLimitCounters");

            migrationBuilder.DropColumn(
                name: "TurnOwner",
                table: "ChannelConversations");

            migrationBuilder.DropColumn(
                name: "TurnUntilMs",
                table: "ChannelConversations");
        }
    }
}
