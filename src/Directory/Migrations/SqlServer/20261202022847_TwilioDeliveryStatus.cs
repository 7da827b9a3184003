using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportBot.AccountDirectory.Migrations.SqlServer
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
                    MessageSid = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    DirectorCaseId = table.Column<int>(type: "int", nullable: true),
                    SentAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    Status = table.Column<string>(type: "varchar(16)", unicode: false, maxLength: 16, nullable: false),
                    ErrorCode = table.Column<int>(type: "int", nullable: true),
                    StatusAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: true)
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
