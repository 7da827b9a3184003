using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportBot.AccountDirectory.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class TwilioDeliveryStatus : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "SmsDeliveries",
                columns: table => new
                {
                    MessageSid = table.Column<string>(type: "TEXT", unicode: false, maxLength: 64, nullable: false),
                    DirectorCaseId = table.Column<int>(type: "INTEGER", nullable: true),
                    SentAt = table.Column<long>(type: "INTEGER", nullable: false),
                    Status = table.Column<string>(type: "TEXT", unicode: false, maxLength: 16, nullable: false),
                    ErrorCode = table.Column<int>(type: "INTEGER", nullable: true),
                    StatusAt = table.Column<long>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsDeliveries", x => x.MessageSid);
                    table.ForeignKey(
                        name: "FK_SmsDeliveries_DirectorCases_DirectorCaseId",
                        column: x => x.DirectorCaseId,
                        principalTable: "DirectorCases",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_SmsDeliveries_DirectorCaseId",
                table: "SmsDeliveries",
                column: "DirectorCaseId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "SmsDeliveries");
        }
    }
}
