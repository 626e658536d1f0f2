using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SellerPortal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class Fba : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "ChannelFulfilledQuantity",
                table: "ChannelListingSkus",
                type: "int",
                nullable: true);

            migrationBuilder.AddColumn<DateTime>(
                name: "ChannelFulfilledUtc",
                table: "ChannelListingSkus",
                type: "datetime2",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ChannelFulfilledQuantity",
                table: "ChannelListingSkus");

            migrationBuilder.DropColumn(
                name: "ChannelFulfilledUtc",
                table: "ChannelListingSkus");
        }
    }
}
