using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SellerPortal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class AccountKnowsItHasARefreshToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "HasRefreshToken",
                table: "ChannelAccounts",
                type: "bit",
                nullable: false,
                defaultValue: false);

            // Every channel connected so far (TikTok Shop, Amazon, eBay) hands over a refresh token with the access token.
            migrationBuilder.Sql("UPDATE ChannelAccounts SET HasRefreshToken = 1 WHERE EncryptedCredentials IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "HasRefreshToken",
                table: "ChannelAccounts");
        }
    }
}
