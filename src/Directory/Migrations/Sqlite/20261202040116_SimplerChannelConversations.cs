using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportBot.AccountDirectory.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class SimplerChannelConversations : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // ALTER TABLE ... DROP COLUMN (SQLite 3.35+) on these unindexed columns, where EF Core would rebuild the table
            // outside a transaction.
            migrationBuilder.Sql("ALTER TABLE \"ChannelConversations\" DROP COLUMN \"TurnOwner\";");
            migrationBuilder.Sql("ALTER TABLE \"ChannelConversations\" DROP COLUMN \"TurnUntilMs\";");
            migrationBuilder.Sql("ALTER TABLE \"ChannelConversations\" DROP COLUMN \"Version\";");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
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

            migrationBuilder.AddColumn<Guid>(
                name: "Version",
                table: "ChannelConversations",
                type: "TEXT",
                nullable: false,
                defaultValue: new Guid("00000000-0000-0000-0000-000000000000"));
        }
    }
}
