using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;
using SellerPortal.Data;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Orders;
using SellerPortal.Features.Sync;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Orders;

public sealed class OrdersWiringTests : IClassFixture<PortalAppFactory>
{
    private readonly PortalAppFactory factory;

    public OrdersWiringTests(PortalAppFactory factory) => this.factory = factory;

    [Fact]
    public void TheApp_HasOneHandlerPerSyncKind_AndStockPushesAreRecorded()
    {
        var handlers = factory.Services.GetServices<ISyncJobHandler>().ToList();

        Assert.Equal(handlers.Count, handlers.Select(h => h.Kind).Distinct().Count());
        Assert.IsType<RecordingPushStockHandler>(Assert.Single(handlers, h => h.Kind == SyncJobKind.PushStock));
        Assert.Contains(handlers, h => h is ImportOrdersHandler);
        Assert.Contains(handlers, h => h is RefreshOrderHandler);
        Assert.Contains(handlers, h => h is PushShipmentHandler);
        Assert.NotNull(factory.Services.GetRequiredService<SyncDispatcher>());
    }

    [Fact]
    public async Task TheOrderImportScheduleJob_IsStoredWithItsExplicitIdentity()
    {
        var scheduler = await factory.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        var job = await scheduler.GetJobDetail(ScheduleOrderImportsJob.Key);
        var trigger = await scheduler.GetTrigger(ScheduleOrderImportsJob.TriggerKey);

        Assert.Equal(typeof(ScheduleOrderImportsJob), job?.JobType);
        Assert.Equal(TimeSpan.FromSeconds(15), Assert.IsAssignableFrom<ISimpleTrigger>(trigger).RepeatInterval);
    }

    [Fact]
    public async Task StockSetInTheCatalog_IsRecordedAsLedgerMovements_SoTheTotalStillEqualsTheSum()
    {
        var contexts = factory.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        int variantId;
        await using (var db = contexts.CreateDbContext())
        {
            var product = new Product { Name = "Catalog mug", Variants = [new Variant { Sku = "CAT-MUG-1", Price = new Money(900, "USD"), StockOnHand = 5 }] };
            db.Products.Add(product);
            await db.SaveChangesAsync();
            variantId = product.Variants[0].Id;
            product.Variants[0].StockOnHand = 8;
            await db.SaveChangesAsync();
        }

        await using var check = contexts.CreateDbContext();
        var movements = await check.StockMovements.Where(m => m.VariantId == variantId).OrderBy(m => m.Id).ToListAsync();
        Assert.Equal([5, 3], movements.Select(m => m.OnHandDelta));
        Assert.All(movements, m => Assert.Equal(StockMovementReason.Import, m.Reason));
        Assert.Equal(8, (await check.Variants.SingleAsync(v => v.Id == variantId)).StockOnHand);
    }

    [Theory]
    [InlineData("/orders")]
    [InlineData("/orders/1")]
    [InlineData("/orders/needs-mapping")]
    [InlineData("/inventory")]
    public async Task ThePages_AskForSignIn(string path)
    {
        var client = factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync(path);

        Assert.True(response.StatusCode is System.Net.HttpStatusCode.Redirect or System.Net.HttpStatusCode.Found, $"{path}: {response.StatusCode}");
        // Before the first admin exists every page goes to /setup; after it, to the sign-in page. Never the page itself.
        var location = response.Headers.Location?.OriginalString ?? "";
        Assert.True(location.StartsWith("/setup", StringComparison.Ordinal) || location.Contains("Account/Login", StringComparison.Ordinal), location);
    }
}
