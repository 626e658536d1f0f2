using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SellerPortal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ChannelMediaUploads : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "ChannelMediaUploads",
                columns: table => new
                {
                    Id = table.Column<int>(type: "int", nullable: false)
                        .Annotation("SqlServer:Identity", "1, 1"),
                    ChannelAccountId = table.Column<int>(type: "int", nullable: false),
                    SourceUrl = table.Column<string>(type: "nvarchar(2048)", maxLength: 2048, nullable: false),
                    SourceUrlHash = table.Column<string>(type: "nchar(64)", fixedLength: true, maxLength: 64, nullable: false),
                    ChannelReference = table.Column<string>(type: "nvarchar(512)", maxLength: 512, nullable: false),
                    UploadedUtc = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelMediaUploads", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelMediaUploads_ChannelAccounts_ChannelAccountId",
                        column: x => x.ChannelAccountId,
                        principalTable: "ChannelAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelMediaUploads_ChannelAccountId_SourceUrlHash",
                table: "ChannelMediaUploads",
                columns: new[] { "ChannelAccountId", "SourceUrlHash" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelMediaUploads");
        }
    }
}
