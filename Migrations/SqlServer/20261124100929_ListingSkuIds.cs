using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SellerPortal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ListingSkuIds : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ExternalSkuIds",
                table: "ChannelListings",
                type: "nvarchar(max)",
                nullable: false,
                // Rows listed before this column read as "no SKU ids known" (an empty JSON object), not as bad JSON.
                defaultValue: "{}");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ExternalSkuIds",
                table: "ChannelListings");
        }
    }
}
