using Bunit;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using MudBlazor;
using SellerPortal.Features.Catalog;
using SellerPortal.Features.Listings.Bulk;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Listings;

public sealed class BulkPublishDialogTests : MudTestContext
{
    private readonly ListingsTestBed bed = new();

    [Fact]
    public async Task Preview_ShowsEachChannelsPrice_WithTheRuleAndRoundingApplied()
    {
        var accounts = await bed.AddAccountsAsync();
        var product = await bed.AddProductAsync("CAP-1", priceMinor: 2000);
        Services.AddSingleton(bed.Bulk);
        Services.AddSingleton(new ProductCatalog(bed.Db, TimeProvider.System, NullLogger<ProductCatalog>.Instance));
        AddAuthorization().SetAuthorized("clerk@example.com");
        var dialog = RenderDialogProvider();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await dialog.InvokeAsync(() => dialogs.ShowAsync<BulkPublishDialog>("Publish", new DialogParameters<BulkPublishDialog> { { d => d.ProductIds, new[] { product } } }));

        // Choose TikTok with +10% rounded to .99, and Amazon at the master price.
        dialog.WaitForElement($"input[data-testid=bulk-channel-{accounts[0]}]").Change(true);
        dialog.Find($"input[data-testid=bulk-channel-{accounts[2]}]").Change(true);
        var tiktokRule = dialog.FindComponents<SellerPortal.Features.Listings.ProductChannels.PriceRuleEditor>()
            .Single(c => c.Instance.TestIdPrefix == $"bulk-price-{accounts[0]}");
        await dialog.InvokeAsync(() => tiktokRule.Instance.RuleChanged.InvokeAsync(new PriceRule(PriceRuleKind.Percent, 1000, Rounding: PriceRounding.To99)));
        dialog.Find("[data-testid=bulk-preview]").Click();

        dialog.WaitForAssertion(() =>
        {
            Assert.Equal("22.99 USD", dialog.Find($"[data-testid=preview-price-{accounts[0]}-CAP-1]").TextContent);
            Assert.Equal("20.00 USD", dialog.Find($"[data-testid=preview-price-{accounts[2]}-CAP-1]").TextContent);
        });
    }

    [Fact]
    public async Task UnpublishMode_ChoosesChannelsWithoutPrices_AndNamesTheItemsItCouldNotQueue()
    {
        var accounts = await bed.AddAccountsAsync();
        var product = await bed.AddProductAsync("UNP-1");
        Services.AddSingleton(bed.Bulk);
        Services.AddSingleton(new ProductCatalog(bed.Db, TimeProvider.System, NullLogger<ProductCatalog>.Instance));
        AddAuthorization().SetAuthorized("clerk@example.com");
        var dialog = RenderDialogProvider();
        var dialogs = Services.GetRequiredService<IDialogService>();
        await dialog.InvokeAsync(() => dialogs.ShowAsync<BulkPublishDialog>("Unpublish", new DialogParameters<BulkPublishDialog>
        {
            { d => d.ProductIds, new[] { product } },
            { d => d.Mode, BulkOperationKind.Unpublish },
        }));

        dialog.WaitForElement($"input[data-testid=bulk-channel-{accounts[0]}]").Change(true);

        Assert.Empty(dialog.FindAll("[data-testid=bulk-preview]"));
        Assert.Empty(dialog.FindComponents<SellerPortal.Features.Listings.ProductChannels.PriceRuleEditor>());
        Assert.Equal("Unpublish", dialog.Find("[data-testid=bulk-confirm]").TextContent.Trim());
        dialog.Find("[data-testid=bulk-confirm]").Click();
        dialog.WaitForAssertion(() => Assert.Contains("It is not listed on this channel.", dialog.Find("[data-testid=bulk-refused]").TextContent));
    }
}
