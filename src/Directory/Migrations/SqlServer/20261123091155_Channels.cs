using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SupportBot.AccountDirectory.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Channels : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelConversations",
                columns: table => new
                {
                    Id = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    ChannelId = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    UserId = table.Column<string>(type: "nvarchar(64)", maxLength: 64, nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    LastSequence = table.Column<int>(type: "int", nullable: false),
                    Version = table.Column<Guid>(type: "uniqueidentifier", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelConversations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "SmsMessages",
                columns: table => new
                {
                    MessageSid = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    From = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    ReceivedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false),
                    ResponseTwiml = table.Column<string>(type: "nvarchar(max)", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsMessages", x => x.MessageSid);
                });

            migrationBuilder.CreateTable(
                name: "SmsOptOuts",
                columns: table => new
                {
                    Phone = table.Column<string>(type: "varchar(32)", unicode: false, maxLength: 32, nullable: false),
                    OptedOutAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SmsOptOuts", x => x.Phone);
                });

            migrationBuilder.CreateTable(
                name: "ChannelActivities",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ConversationId = table.Column<string>(type: "varchar(64)", unicode: false, maxLength: 64, nullable: false),
                    Sequence = table.Column<int>(type: "int", nullable: false),
                    ActivityId = table.Column<string>(type: "varchar(80)", unicode: false, maxLength: 80, nullable: false),
                    Json = table.Column<string>(type: "nvarchar(max)", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "datetimeoffset", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelActivities", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelActivities_ChannelConversations_ConversationId",
                        column: x => x.ConversationId,
                        principalTable: "ChannelConversations",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelActivities_ConversationId_Sequence",
                table: "ChannelActivities",
                columns: new[] { "ConversationId", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SmsMessages_From_ReceivedAt",
                table: "SmsMessages",
                columns: new[] { "From", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelActivities");

            migrationBuilder.DropTable(
                name: "SmsMessages");

            migrationBuilder.DropTable(
                name: "SmsOptOuts");

            migrationBuilder.DropTable(
                name: "ChannelConversations");
        }
    }
}
