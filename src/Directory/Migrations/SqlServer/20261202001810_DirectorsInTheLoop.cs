using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportBot.AccountDirectory.Migrations.SqlServer
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
                type: "nvarchar(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ClosedAt",
                table: "Schools",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ImportedAt",
                table: "Schools",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "OfficialEmail",
                table: "Schools",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "PostalCode",
                table: "Schools",
                type: "varchar(10)",
                unicode: false,
                maxLength: 10,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Sector",
                table: "Schools",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ClientKey",
                table: "DirectorCases",
                type: "varchar(32)",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "DirectorCases",
                type: "nvarchar(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "DirectorCases",
                type: "varchar(16)",
                unicode: false,
                maxLength: 16,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ConversationKey",
                table: "DirectorCases",
                type: "varchar(32)",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DestinationMailClaimedUntil",
                table: "DirectorCases",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DestinationMailedAt",
                table: "DirectorCases",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "DirectorMessage",
                table: "DirectorCases",
                type: "nvarchar(300)",
                maxLength: 300,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "IdentifierGiven",
                table: "DirectorCases",
                type: "nvarchar(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ParentMailClaimedUntil",
                table: "DirectorCases",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ParentMailedAt",
                table: "DirectorCases",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "SenderKey",
                table: "DirectorCases",
                type: "varchar(32)",
                unicode: false,
                maxLength: 32,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "DirectorCaseEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    DirectorCaseId = table.Column<int>(type: "int", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Type = table.Column<string>(type: "varchar(24)", unicode: false, maxLength: 24, nullable: false),
                    SchoolId = table.Column<int>(type: "int", nullable: true),
                    Note = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true)
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
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Channel = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    Text = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    At = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_MisunderstoodMessages", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SentMails",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    Scope = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    Purpose = table.Column<string>(type: "varchar(40)", unicode: false, maxLength: 40, nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
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
