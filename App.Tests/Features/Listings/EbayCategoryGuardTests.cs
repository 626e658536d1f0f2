using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Data;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Listings.Publishing;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Listings;

public sealed class EbayCategoryGuardTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public EbayCategoryGuardTests(PortalAppFactory factory) => this.factory = factory;

    [Fact]
    public async Task PublishingToEbay_WithNoCategoryMapping_IsRefusedWithANamedReason_AndNoHttpCall()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        int productId, accountId;
        await using (var db = contexts.CreateDbContext())
        {
            var account = new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "eBay US", Region = "EBAY_US", Status = ChannelAccountStatus.Connected };
            var product = new Product
            {
                Name = "Ceramic brake pads, front axle",
                Category = "Brake Pads",
                Variants = [new Variant { Sku = "BP-FRONT", Price = new Money(4599, "USD"), StockOnHand = 4 }],
            };
            db.AddRange(account, product);
            await db.SaveChangesAsync();
            (productId, accountId) = (product.Id, account.Id);
        }

        var result = await factory.Services.GetRequiredService<ListingPublisher>()
            .QueueAsync(productId, accountId, ListingAction.Publish, null, CancellationToken.None);

        Assert.False(result.Queued);
        Assert.Contains(result.Problems, p => p.Contains("No eBay category is mapped for \"Brake Pads\" on EBAY_US", StringComparison.Ordinal));
        await factory.Services.GetRequiredService<SellerPortal.Features.Admin.Logs.ApiCallLogWriter>().FlushAsync();
        await using var check = contexts.CreateDbContext();
        // Nothing went to eBay's Inventory API (the app's own order import may try the account in the background).
        Assert.Equal(0, await check.ApiCallLogs.CountAsync(l => l.Path.Contains("/sell/inventory/")));
        Assert.Equal(0, await check.SyncJobs.CountAsync(j => j.Kind != SellerPortal.Features.Sync.SyncJobKind.ImportOrders));
        Assert.False(await check.ChannelListings.AnyAsync(l => l.ProductId == productId));
    }
}
