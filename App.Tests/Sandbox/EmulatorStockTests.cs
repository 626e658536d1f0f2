using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Sandbox.Common;
using SellerPortal.Benchmarks.Orders;
using SellerPortal.Features.Inventory;
using SellerPortal.Features.Listings;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.Features.Listings;

namespace SellerPortal.Tests.Sandbox;

/// <summary>
/// Each emulator's buyers take units off what the channel lists, are refused past it, and a cancellation puts them
/// back; the same on TikTok Shop, Amazon and eBay.
/// </summary>
public sealed class EmulatorStockTests
{
    [Fact]
    public async Task GeneratedOrders_TakeTheListedUnits_RefusePastThem_CancellationsPutThemBack()
    {
        await using var portal = EmulatorPortal.Start();
        var accounts = new Dictionary<ChannelKind, int>();
        foreach (var channel in portal.Services.GetRequiredService<EmulatedChannels>().InDisplayOrder)
        {
            accounts[channel] = await portal.ConnectAsync(channel);
        }

        await portal.MapCategoryAsync(ChannelKind.TikTokShop, "", "Brake Discs", "600001");
        await portal.MapCategoryAsync(ChannelKind.Ebay, (await portal.AccountAsync(accounts[ChannelKind.Ebay])).Region ?? "", "Brake Discs", "33564");
        var shopId = (await portal.AccountAsync(accounts[ChannelKind.TikTokShop])).ShopId!;
        var products = await portal.AddProductsAsync("STK-", 1);
        await portal.SetEbayPoliciesAsync(products, accounts[ChannelKind.Ebay]);
        await using (var db = portal.Db.CreateDbContext())
        {
            var variant = await db.Variants.SingleAsync(v => v.ProductId == products[0]);
            await portal.Services.GetRequiredService<StockLedger>().SetOnHandAsync(variant.Id, 10, "opening stock", EmulatorPortal.Clerk, StockMovementReason.Import, CancellationToken.None);
        }

        await portal.PublishAsync(products, [.. accounts.Values]);
        await portal.Dispatcher.DrainAllAsync(CancellationToken.None);
        Assert.All(await portal.ListingsAsync(), l => Assert.Equal(ListingState.Live, l.State));
        using var http = portal.Factory.CreateClient();

        foreach (var channel in portal.Services.GetRequiredService<EmulatedChannels>().InDisplayOrder)
        {
            Assert.Equal(10, await ShownAsync(portal, channel));

            // The n-th Amazon or eBay order wants 1 + n % 3 units, a TikTok order one: 1+2+3+1+2 and then 1 of the 3rd
            // wanting 3, 3 (6 orders) on Amazon and eBay, 10 orders on TikTok; the rest are refused, nothing goes below 0.
            var (ids, refused) = await OrderAsync(portal, http, channel, shopId, count: 12);
            Assert.Equal(channel == ChannelKind.TikTokShop ? (10, 2) : (6, 6), (ids.Count, refused));
            Assert.Equal(0, await ShownAsync(portal, channel));
            const int taken = 10;

            // The first order holds one unit on every channel (TikTok: one a line; the others: 1 + 0 % 3).
            const int units = 1;
            await CancelAsync(portal, http, channel, ids[0]);
            Assert.Equal(10 - taken + units, await ShownAsync(portal, channel));

            // Cancelled once is final: a second cancellation is refused and gives nothing back.
            using var again = await http.PostAsJsonAsync($"/sandbox/{PathOf(portal, channel)}/_control/orders/{ids[0]}/status", CancelBody(channel));
            Assert.False(again.IsSuccessStatusCode);
            Assert.Equal(10 - taken + units, await ShownAsync(portal, channel));
        }
    }

    private static async Task<(List<string> Ids, int Refused)> OrderAsync(EmulatorPortal portal, HttpClient http, ChannelKind channel, string shopId, int count)
    {
        object body = channel == ChannelKind.TikTokShop
            ? new Dictionary<string, object> { ["shop_id"] = shopId, ["count"] = count, ["seller_skus"] = new[] { "STK-01" } }
            : new Dictionary<string, object> { ["count"] = count, ["skus"] = new[] { "STK-01" } };
        using var response = await http.PostAsJsonAsync($"/sandbox/{PathOf(portal, channel)}/_control/orders", body);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, text);
        using var doc = JsonDocument.Parse(text);
        var ids = doc.RootElement.TryGetProperty("order_ids", out var snake) ? snake : doc.RootElement.GetProperty("orderIds");
        return ([.. ids.EnumerateArray().Select(e => e.GetString()!)], doc.RootElement.GetProperty("refused").GetInt32());
    }

    private static object CancelBody(ChannelKind channel) => channel switch
    {
        ChannelKind.TikTokShop => new Dictionary<string, object> { ["status"] = "CANCELLED" },
        ChannelKind.Amazon => new Dictionary<string, object> { ["status"] = "Canceled" },
        _ => new Dictionary<string, object> { ["cancelled"] = true },
    };

    private static async Task CancelAsync(EmulatorPortal portal, HttpClient http, ChannelKind channel, string orderId)
    {
        using var response = await http.PostAsJsonAsync($"/sandbox/{PathOf(portal, channel)}/_control/orders/{orderId}/status", CancelBody(channel));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
    }

    /// <summary>What the channel shows for STK-01, read the way the soak reads it.</summary>
    private static async Task<int> ShownAsync(EmulatorPortal portal, ChannelKind channel) =>
        (await SoakCheck.EmulatorQuantitiesAsync(portal.Emulators, await AccountAsync(portal, channel), CancellationToken.None))["STK-01"];

    /// <summary>The channel's one account; its TikTok shop is its partition (one eBay store and one Amazon seller here).</summary>
    private static async Task<SoakAccount> AccountAsync(EmulatorPortal portal, ChannelKind channel)
    {
        await using var db = portal.Db.CreateDbContext();
        var account = await db.ChannelAccounts.SingleAsync(a => a.Channel == channel);
        return new SoakAccount(channel, account.Id, channel == ChannelKind.TikTokShop ? account.ShopId : null);
    }

    private static string PathOf(EmulatorPortal portal, ChannelKind channel) => portal.Services.GetRequiredService<EmulatedChannels>().PathOf(channel);
}
