using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportBot.AccountDirectory.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class DirectorCaseParentNotified : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "ParentNotifiedAt",
                table: "DirectorCases",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_DirectorCases_Status_ResolvedAt",
                table: "DirectorCases",
                columns: new[] { "Status", "ResolvedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_DirectorCases_Status_ResolvedAt",
                table: "DirectorCases");

            migrationBuilder.DropColumn(
                name: "ParentNotifiedAt",
                table: "DirectorCases");
        }
    }
}
