using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SellerPortal.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class OrdersInventory : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "StockReserved",
                table: "Variants",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "ShipmentMessage",
                table: "Orders",
                type: "TEXT",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ShipmentState",
                table: "Orders",
                type: "TEXT",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTime>(
                name: "ShipmentUpdatedUtc",
                table: "Orders",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QuantityBuffer",
                table: "ChannelListings",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<int>(
                name: "QuantityCap",
                table: "ChannelListings",
                type: "INTEGER",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "ChannelListingSkus",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelListingId = table.Column<int>(type: "INTEGER", nullable: false),
                    VariantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    ExternalSkuId = table.Column<string>(type: "TEXT", maxLength: 200, nullable: true),
                    LastPushedQuantity = table.Column<int>(type: "INTEGER", nullable: true),
                    LastPushedUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastPushSucceeded = table.Column<bool>(type: "INTEGER", nullable: true),
                    LastPushAnswer = table.Column<string>(type: "TEXT", maxLength: 1000, nullable: true),
                    LastReadBackQuantity = table.Column<int>(type: "INTEGER", nullable: true),
                    LastReadBackUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    Drift = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_ChannelListingSkus", x => x.Id);
                    table.ForeignKey(
                        name: "FK_ChannelListingSkus_ChannelListings_ChannelListingId",
                        column: x => x.ChannelListingId,
                        principalTable: "ChannelListings",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_ChannelListingSkus_Variants_VariantId",
                        column: x => x.VariantId,
                        principalTable: "Variants",
                        principalColumn: "Id");
                });

            migrationBuilder.CreateTable(
                name: "OrderEvents",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Kind = table.Column<string>(type: "TEXT", maxLength: 50, nullable: false),
                    Message = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    Succeeded = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderEvents", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderEvents_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderImportCursors",
                columns: table => new
                {
                    ChannelAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    WatermarkUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    RescanFromUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastRunUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastSuccessUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastError = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    LastImportedCount = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderImportCursors", x => x.ChannelAccountId);
                    table.ForeignKey(
                        name: "FK_OrderImportCursors_ChannelAccounts_ChannelAccountId",
                        column: x => x.ChannelAccountId,
                        principalTable: "ChannelAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "OrderStatusChanges",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: false),
                    From = table.Column<string>(type: "TEXT", maxLength: 20, nullable: true),
                    To = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false),
                    RawStatus = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    ChannelUpdatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    Source = table.Column<string>(type: "TEXT", maxLength: 20, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OrderStatusChanges", x => x.Id);
                    table.ForeignKey(
                        name: "FK_OrderStatusChanges_Orders_OrderId",
                        column: x => x.OrderId,
                        principalTable: "Orders",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "SkuMappings",
                columns: table => new
                {
                    Id = table.Column<int>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    ChannelAccountId = table.Column<int>(type: "INTEGER", nullable: false),
                    ChannelSku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    VariantId = table.Column<int>(type: "INTEGER", nullable: false),
                    CreatedUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    CreatedBy = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_SkuMappings", x => x.Id);
                    table.ForeignKey(
                        name: "FK_SkuMappings_ChannelAccounts_ChannelAccountId",
                        column: x => x.ChannelAccountId,
                        principalTable: "ChannelAccounts",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "FK_SkuMappings_Variants_VariantId",
                        column: x => x.VariantId,
                        principalTable: "Variants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "StockMovements",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    VariantId = table.Column<int>(type: "INTEGER", nullable: false),
                    Sku = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    OnHandDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    ReservedDelta = table.Column<int>(type: "INTEGER", nullable: false),
                    Reason = table.Column<string>(type: "TEXT", maxLength: 30, nullable: false),
                    OrderId = table.Column<long>(type: "INTEGER", nullable: true),
                    OrderLineId = table.Column<long>(type: "INTEGER", nullable: true),
                    Note = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    UserId = table.Column<string>(type: "TEXT", maxLength: 450, nullable: true),
                    UserName = table.Column<string>(type: "TEXT", maxLength: 256, nullable: true),
                    AtUtc = table.Column<DateTime>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_StockMovements", x => x.Id);
                    table.ForeignKey(
                        name: "FK_StockMovements_Variants_VariantId",
                        column: x => x.VariantId,
                        principalTable: "Variants",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BuyerName",
                table: "Orders",
                column: "BuyerName");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_BuyerUsername",
                table: "Orders",
                column: "BuyerUsername");

            migrationBuilder.CreateIndex(
                name: "IX_Orders_ChannelAccountId_PlacedUtc",
                table: "Orders",
                columns: new[] { "ChannelAccountId", "PlacedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_ChannelListingSkus_ChannelListingId_VariantId",
                table: "ChannelListingSkus",
                columns: new[] { "ChannelListingId", "VariantId" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_ChannelListingSkus_Sku",
                table: "ChannelListingSkus",
                column: "Sku");

            migrationBuilder.CreateIndex(
                name: "IX_ChannelListingSkus_VariantId",
                table: "ChannelListingSkus",
                column: "VariantId");

            migrationBuilder.CreateIndex(
                name: "IX_OrderEvents_OrderId_Id",
                table: "OrderEvents",
                columns: new[] { "OrderId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderStatusChanges_OrderId_Id",
                table: "OrderStatusChanges",
                columns: new[] { "OrderId", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_SkuMappings_ChannelAccountId_ChannelSku",
                table: "SkuMappings",
                columns: new[] { "ChannelAccountId", "ChannelSku" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_SkuMappings_VariantId",
                table: "SkuMappings",
                column: "VariantId");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_OrderId",
                table: "StockMovements",
                column: "OrderId");

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_OrderLineId_Reason",
                table: "StockMovements",
                columns: new[] { "OrderLineId", "Reason" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_StockMovements_VariantId_AtUtc",
                table: "StockMovements",
                columns: new[] { "VariantId", "AtUtc" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "ChannelListingSkus");

            migrationBuilder.DropTable(
                name: "OrderEvents");

            migrationBuilder.DropTable(
                name: "OrderImportCursors");

            migrationBuilder.DropTable(
                name: "OrderStatusChanges");

            migrationBuilder.DropTable(
                name: "SkuMappings");

            migrationBuilder.DropTable(
                name: "StockMovements");

            migrationBuilder.DropIndex(
                name: "IX_Orders_BuyerName",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_BuyerUsername",
                table: "Orders");

            migrationBuilder.DropIndex(
                name: "IX_Orders_ChannelAccountId_PlacedUtc",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "StockReserved",
                table: "Variants");

            migrationBuilder.DropColumn(
                name: "ShipmentMessage",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ShipmentState",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "ShipmentUpdatedUtc",
                table: "Orders");

            migrationBuilder.DropColumn(
                name: "QuantityBuffer",
                table: "ChannelListings");

            migrationBuilder.DropColumn(
                name: "QuantityCap",
                table: "ChannelListings");
        }
    }
}
