using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SellerPortal.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class ListingPricing : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "PriceOverrideMinor",
                table: "ChannelListings");

            migrationBuilder.AddColumn<string>(
                name: "ChannelFields",
                table: "ChannelListings",
                type: "TEXT",
                maxLength: 4000,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<long>(
                name: "PriceAmountMinor",
                table: "ChannelListings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<string>(
                name: "PriceKind",
                table: "ChannelListings",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "PricePercentBasisPoints",
                table: "ChannelListings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "PriceRounding",
                table: "ChannelListings",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<int>(
                name: "FeePercentBasisPoints",
                table: "ChannelAccounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<long>(
                name: "FixedFeeMinor",
                table: "ChannelAccounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "BulkOperations",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Description = table.Column<string>(type: "TEXT", maxLength: 500, nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Queued = table.Column<int>(type: "INTEGER", nullable: false),
                    Refused = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_BulkOperations", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "CategoryMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    Channel = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    Marketplace = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    MasterCategory = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    ExternalCategoryId = table.Column<string>(type: "TEXT", maxLength: 100, nullable: false),
                    RequiredAspects = table.Column<string>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_CategoryMappings", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_BulkOperations_CreatedUtc",
                table: "BulkOperations",
                column: "CreatedUtc");

            migrationBuilder.CreateIndex(
                name: "IX_CategoryMappings_Channel_Marketplace_MasterCategory",
                table: "CategoryMappings",
                columns: new[] { "Channel", "Marketplace", "MasterCategory" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "BulkOperations");

            migrationBuilder.DropTable(
                name: "CategoryMappings");

            migrationBuilder.DropColumn(
                name: "ChannelFields",
                table: "ChannelListings");

            migrationBuilder.DropColumn(
                name: "PriceAmountMinor",
                table: "ChannelListings");

            migrationBuilder.DropColumn(
                name: "PriceKind",
                table: "ChannelListings");

            migrationBuilder.DropColumn(
                name: "PricePercentBasisPoints",
                table: "ChannelListings");

            migrationBuilder.DropColumn(
                name: "PriceRounding",
                table: "ChannelListings");

            migrationBuilder.DropColumn(
                name: "FeePercentBasisPoints",
                table: "ChannelAccounts");

            migrationBuilder.DropColumn(
                name: "FixedFeeMinor",
                table: "ChannelAccounts");

            migrationBuilder.AddColumn<long>(
                name: "PriceOverrideMinor",
                table: "ChannelListings",
                type: "INTEGER",
                nullable: true);
        }
    }
}
