using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportBot.AccountDirectory.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CaseSmsAndRetention : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ParentNotificationClaimedUntil",
                table: "DirectorCases",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ParentNotifiedAt",
                table: "DirectorCases",
                type: "datetimeoffset",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_UserStates_UpdatedAt",
                table: "UserStates",
                column: "UpdatedAt");

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_ReceivedAt",
                table: "SmsMessages",
                column: "ReceivedAt");

            migrationBuilder.CreateIndex(
                name: "IX_PasswordResetTokens_ExpiresAt",
                table: "PasswordResetTokens",
                column: "ExpiresAt");

            migrationBuilder.CreateIndex(
                name: "IX_DirectorCases_Status_ResolvedAt",
                table: "DirectorCases",
                columns: new[] { "Status", "ResolvedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelConversations_CreatedAt",
                table: "ChannelConversations",
                column: "CreatedAt");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_UserStates_UpdatedAt",
                table: "UserStates");

            migrationBuilder.DropIndex(
                name: "IX_SmsMessages_ReceivedAt",
                table: "SmsMessages");

            migrationBuilder.DropIndex(
                name: "IX_PasswordResetTokens_ExpiresAt",
                table: "PasswordResetTokens");

            migrationBuilder.DropIndex(
                name: "IX_DirectorCases_Status_ResolvedAt",
                table: "DirectorCases");

            migrationBuilder.DropIndex(
                name: "IX_ChannelConversations_CreatedAt",
                table: "ChannelConversations");

            migrationBuilder.DropColumn(
                name: "ParentNotificationClaimedUntil",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "ParentNotifiedAt",
                table: "DirectorCases");
        }
    }
}
