using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportBot.AccountDirectory.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DirectorsInTheLoop : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Circonscription",
                table: "Schools",
                type: "TEXT",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ClosedAt",
                table: "Schools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ImportedAt",
                table: "Schools",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfficialEmail",
                table: "Schools",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Schools",
                type: "TEXT",
                unicode: false,
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sector",
                table: "Schools",
                type: "TEXT",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientKey",
                table: "DirectorCases",
                type: "TEXT",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "DirectorCases",
                type: "TEXT",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "DirectorCases",
                type: "TEXT",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConversationKey",
                table: "DirectorCases",
                type: "TEXT",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DestinationMailClaimedUntil",
                table: "DirectorCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "DestinationMailedAt",
                table: "DirectorCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectorMessage",
                table: "DirectorCases",
                type: "TEXT",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentifierGiven",
                table: "DirectorCases",
                type: "TEXT",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ParentMailClaimedUntil",
                table: "DirectorCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "ParentMailedAt",
                table: "DirectorCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderKey",
                table: "DirectorCases",
                type: "TEXT",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DirectorCaseEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    DirectorCaseId = table.Column<int>(type: "INTEGER", nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false),
                    Type = table.Column<string>(type: "TEXT", unicode: false, maxLength: 24, nullable: false),
                    SchoolId = table.Column<int>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_DirectorCaseEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_DirectorCaseEvents_DirectorCases_DirectorCaseId",
                        column: x => x.DirectorCaseId,
                        principalTable: "DirectorCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_DirectorCaseEvents_Schools_SchoolId",
                        column: x => x.SchoolId,
                        principalTable: "Schools",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "MisunderstoodMessages",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", unicode: false, maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "TEXT", maxLength: 300, nullable: false),
                    At = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MisunderstoodMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SentMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Scope = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "TEXT", unicode: false, maxLength: 40, nullable: false),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SentMails", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_DirectorCases_ClientKey_CreatedAt",
                table: "DirectorCases",
                columns: new[] { "ClientKey", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectorCases_ConversationKey_CreatedAt",
                table: "DirectorCases",
                columns: new[] { "ConversationKey", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectorCases_DestinationMailedAt",
                table: "DirectorCases",
                column: "DestinationMailedAt");

            migrationBuilder.CreateIndex(
                name: "IX_DirectorCases_SenderKey_CreatedAt",
                table: "DirectorCases",
                columns: new[] { "SenderKey", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_DirectorCaseEvents_DirectorCaseId",
                table: "DirectorCaseEvents",
                column: "DirectorCaseId");

            migrationBuilder.CreateIndex(
                name: "IX_DirectorCaseEvents_SchoolId",
                table: "DirectorCaseEvents",
                column: "SchoolId");

            migrationBuilder.CreateIndex(
                name: "IX_MisunderstoodMessages_At",
                table: "MisunderstoodMessages",
                column: "At");

            migrationBuilder.CreateIndex(
                name: "IX_SentMails_Scope_SentAt",
                table: "SentMails",
                columns: new[] { "Scope", "SentAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "DirectorCaseEvents");

            migrationBuilder.DropTable(
                name: "MisunderstoodMessages");

            migrationBuilder.DropTable(
                name: "SentMails");

            migrationBuilder.DropIndex(
                name: "IX_DirectorCases_ClientKey_CreatedAt",
                table: "DirectorCases");

            migrationBuilder.DropIndex(
                name: "IX_DirectorCases_ConversationKey_CreatedAt",
                table: "DirectorCases");

            migrationBuilder.DropIndex(
                name: "IX_DirectorCases_DestinationMailedAt",
                table: "DirectorCases");

            migrationBuilder.DropIndex(
                name: "IX_DirectorCases_SenderKey_CreatedAt",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "Circonscription",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "ClosedAt",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "ImportedAt",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "OfficialEmail",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "PostalCode",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "Sector",
                table: "Schools");

            migrationBuilder.DropColumn(
                name: "ClientKey",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "ConversationKey",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "DestinationMailClaimedUntil",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "DestinationMailedAt",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "DirectorMessage",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "IdentifierGiven",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "ParentMailClaimedUntil",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "ParentMailedAt",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "SenderKey",
                table: "DirectorCases");
        }
    }
}
