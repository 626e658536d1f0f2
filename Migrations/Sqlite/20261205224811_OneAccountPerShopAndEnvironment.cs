using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SellerPortal.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OneAccountPerShopAndEnvironment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChannelAccounts_Channel_ShopId",
                table: "ChannelAccounts");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelAccounts_Channel_ShopId_Environment",
                table: "ChannelAccounts",
                columns: new[] { "Channel", "ShopId", "Environment" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_ChannelAccounts_Channel_ShopId_Environment",
                table: "ChannelAccounts");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelAccounts_Channel_ShopId",
                table: "ChannelAccounts",
                columns: new[] { "Channel", "ShopId" });
        }
    }
}
