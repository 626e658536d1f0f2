using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SellerPortal.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class RetentionIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_SyncJobs_Status_CompletedUtc",
                table: "SyncJobs",
                columns: new[] { "Status", "CompletedUtc" });

            migrationBuilder.CreateIndex(
                name: "IX_OrderEvents_AtUtc",
                table: "OrderEvents",
                column: "AtUtc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_SyncJobs_Status_CompletedUtc",
                table: "SyncJobs");

            migrationBuilder.DropIndex(
                name: "IX_OrderEvents_AtUtc",
                table: "OrderEvents");
        }
    }
}
