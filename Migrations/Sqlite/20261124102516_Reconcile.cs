using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SellerPortal.Migrations.Sqlite
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
                type: "TEXT",
                maxLength: 3,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "LastReadBackPriceMinor",
                table: "ChannelListingSkus",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "PriceDrift",
                table: "ChannelListingSkus",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "ChannelStatus",
                table: "ChannelListings",
                type: "TEXT",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "LastReadBackUtc",
                table: "ChannelListings",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "StatusDrift",
                table: "ChannelListings",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "ListingReconcileChecks",
                columns: table => new
                {
                    ChannelAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    LastRunUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSuccessUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    SkusRead = table.Column<int>(type: "INTEGER", nullable: false),
                    QuantityDrifts = table.Column<int>(type: "INTEGER", nullable: false),
                    PriceDrifts = table.Column<int>(type: "INTEGER", nullable: false),
                    StatusDrifts = table.Column<int>(type: "INTEGER", nullable: false)
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
