using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SellerPortal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Catalog : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Variants_ProductId",
                table: "Variants");

            migrationBuilder.AddColumn<int>(
                name: "WeightGrams",
                table: "Products",
                type: "int",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_Variants_ProductId_Sku",
                table: "Variants",
                columns: new[] { "ProductId", "Sku" });

            migrationBuilder.CreateIndex(
                name: "IX_Products_UpdatedUtc_Name",
                table: "Products",
                columns: new[] { "UpdatedUtc", "Name" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelListings_State_ProductId",
                table: "ChannelListings",
                columns: new[] { "State", "ProductId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_Variants_ProductId_Sku",
                table: "Variants");

            migrationBuilder.DropIndex(
                name: "IX_Products_UpdatedUtc_Name",
                table: "Products");

            migrationBuilder.DropIndex(
                name: "IX_ChannelListings_State_ProductId",
                table: "ChannelListings");

            migrationBuilder.DropColumn(
                name: "WeightGrams",
                table: "Products");

            migrationBuilder.CreateIndex(
                name: "IX_Variants_ProductId",
                table: "Variants",
                column: "ProductId");
        }
    }
}
