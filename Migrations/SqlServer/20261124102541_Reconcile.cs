using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SellerPortal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Reconcile : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "LastReadBackCurrency",
                table: "ChannelListingSkus",
                type: "nvarchar(3)",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastReadBackPriceMinor",
                table: "ChannelListingSkus",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PriceDrift",
                table: "ChannelListingSkus",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ChannelStatus",
                table: "ChannelListings",
                type: "nvarchar(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastReadBackUtc",
                table: "ChannelListings",
                type: "datetime2",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StatusDrift",
                table: "ChannelListings",
                type: "bit",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ListingReconcileChecks",
                columns: table => new
                {
                    ChannelAccountId = table.Column<int>(type: "int", nullable: false),
                    LastRunUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastSuccessUtc = table.Column<DateTime>(type: "datetime2", nullable: true),
                    LastError = table.Column<string>(type: "nvarchar(2000)", maxLength: 2000, nullable: true),
                    SkusRead = table.Column<int>(type: "int", nullable: false),
                    QuantityDrifts = table.Column<int>(type: "int", nullable: false),
                    PriceDrifts = table.Column<int>(type: "int", nullable: false),
                    StatusDrifts = table.Column<int>(type: "int", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ListingReconcileChecks", x => x.ChannelAccountId);
                    table.ForeignKey(
                        name: "FK_ListingReconcileChecks_ChannelAccounts_ChannelAccountId",
                        column: x => x.ChannelAccountId,
                        principalTable: "ChannelAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ListingReconcileChecks");

            migrationBuilder.DropColumn(
                name: "LastReadBackCurrency",
                table: "ChannelListingSkus");

            migrationBuilder.DropColumn(
                name: "LastReadBackPriceMinor",
                table: "ChannelListingSkus");

            migrationBuilder.DropColumn(
                name: "PriceDrift",
                table: "ChannelListingSkus");

            migrationBuilder.DropColumn(
                name: "ChannelStatus",
                table: "ChannelListings");

            migrationBuilder.DropColumn(
                name: "LastReadBackUtc",
                table: "ChannelListings");

            migrationBuilder.DropColumn(
                name: "StatusDrift",
                table: "ChannelListings");
        }
    }
}
