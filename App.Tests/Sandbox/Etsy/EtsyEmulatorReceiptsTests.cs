using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using SellerPortal.Benchmarks.Orders;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.Common;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Sandbox.Etsy;

/// <summary>
/// Receipts on the Etsy emulator, placed by buyers through the common control contract and read as an Etsy app reads
/// them: getShopReceipts by last-modified window with limit and offset, createReceiptShipment, and the stock a
/// receipt takes and a cancellation gives back.
/// </summary>
public sealed class EtsyEmulatorReceiptsTests
{
    [OfficialExampleFact(EtsySchema.File)]
    public async Task BuyersReceipts_TakeTheOfferingsUnits_ReadBackByWindow_AndConformToShopReceipt()
    {
        await using var etsy = EtsyEmulator.Start();
        var (access, _, shop) = await etsy.ConnectAsync();
        await ListActiveAsync(etsy, access, shop, "MUG-1", quantity: 10);
        var control = new EmulatorControl(etsy.Http, new EmulatedChannels([new EmulatedChannel(ChannelKind.Etsy, "etsy")]));
        var before = DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 1;

        // The n-th buyer wants 1 + n % 3 of the 10 units: 1, 2, 3, 1 and 2 are served (9), the sixth wanting 3 of 1 is refused.
        var placed = await control.PlaceOrdersAsync(ChannelKind.Etsy, new SandboxOrderRequest(6, ["MUG-1"]), CancellationToken.None);
        using var page = await etsy.CallAsync(HttpMethod.Get, $"/v3/application/shops/{shop}/receipts?min_last_modified={before}&limit=2&offset=0&sort_on=created&sort_order=asc", access);
        var receipts = await page.Content.ReadFromJsonAsync<JsonElement>();
        using var rest = await etsy.CallAsync(HttpMethod.Get, $"/v3/application/shops/{shop}/receipts?min_last_modified={before}&limit=100&offset=2&sort_on=created&sort_order=asc", access);
        var remaining = await rest.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((5, 1), (placed.OrderIds.Count, placed.Refused));
        Assert.Equal(1, (await control.QuantitiesAsync(ChannelKind.Etsy, null, CancellationToken.None))["MUG-1"]);
        Assert.Equal(5, receipts.GetProperty("count").GetInt32());
        Assert.Equal(2, receipts.GetProperty("results").GetArrayLength());
        Assert.Equal(3, remaining.GetProperty("results").GetArrayLength());
        var all = receipts.GetProperty("results").EnumerateArray().Concat(remaining.GetProperty("results").EnumerateArray()).ToList();
        Assert.Equal(placed.OrderIds.Order(), all.Select(r => r.GetProperty("receipt_id").GetInt64().ToString(System.Globalization.CultureInfo.InvariantCulture)).Order());
        Assert.All(all, r => Assert.Equal(("paid", true, false), (r.GetProperty("status").GetString(), r.GetProperty("is_paid").GetBoolean(), r.GetProperty("is_shipped").GetBoolean())));
        Assert.Equal([1, 1, 2, 2, 3], all.Select(r => r.GetProperty("transactions")[0].GetProperty("quantity").GetInt32()).Order());
        EtsySchema.AssertConforms("ShopReceipts", receipts);
    }

    [Fact]
    public async Task Tracking_ShipsTheReceipt_WithItsShipment_AndACanceledOne_CannotShip()
    {
        await using var etsy = EtsyEmulator.Start();
        var (access, _, shop) = await etsy.ConnectAsync();
        await ListActiveAsync(etsy, access, shop, "MUG-2", quantity: 5);
        var control = new EmulatorControl(etsy.Http, new EmulatedChannels([new EmulatedChannel(ChannelKind.Etsy, "etsy")]));
        var ids = (await control.PlaceOrdersAsync(ChannelKind.Etsy, new SandboxOrderRequest(2, ["MUG-2"]), CancellationToken.None)).OrderIds;
        var path = $"/v3/application/shops/{shop}/receipts";

        using var half = await etsy.CallAsync(HttpMethod.Post, $"{path}/{ids[0]}/tracking", access, EtsyEmulator.Form(("tracking_code", "9400100000000000000000")));
        using var shipped = await etsy.CallAsync(HttpMethod.Post, $"{path}/{ids[0]}/tracking", access,
            EtsyEmulator.Form(("tracking_code", "9400100000000000000000"), ("carrier_name", "usps")));
        var receipt = await shipped.Content.ReadFromJsonAsync<JsonElement>();
        var cancelled = await control.SetOrderStateAsync(ChannelKind.Etsy, ids[1], new SandboxOrderStateRequest(SandboxOrderState.Cancelled), CancellationToken.None);
        using var late = await etsy.CallAsync(HttpMethod.Post, $"{path}/{ids[1]}/tracking", access, EtsyEmulator.Form(("tracking_code", "1Z999"), ("carrier_name", "ups")));
        using var unknown = await etsy.CallAsync(HttpMethod.Get, $"{path}/1", access);

        Assert.Equal(HttpStatusCode.BadRequest, half.StatusCode);
        Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
        Assert.Equal((true, "completed"), (receipt.GetProperty("is_shipped").GetBoolean(), receipt.GetProperty("status").GetString()));
        var shipment = Assert.Single(receipt.GetProperty("shipments").EnumerateArray());
        Assert.Equal(("usps", "9400100000000000000000"), (shipment.GetProperty("carrier_name").GetString(), shipment.GetProperty("tracking_code").GetString()));
        Assert.Equal("canceled", cancelled.Status);
        // The canceled receipt's 2 units are back: 5 - 1 - 2 + 2.
        Assert.Equal(4, (await control.QuantitiesAsync(ChannelKind.Etsy, null, CancellationToken.None))["MUG-2"]);
        Assert.Equal((HttpStatusCode.BadRequest, $"Receipt {ids[1]} is canceled and cannot ship."), (late.StatusCode, await EtsyEmulator.ErrorOf(late)));
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        var statuses = await control.OrderStatusesAsync(ChannelKind.Etsy, null, CancellationToken.None);
        Assert.Equal(["completed", "canceled"], ids.Select(id => statuses[id]));
    }

    [Fact]
    public async Task TheControlContract_ReadsEachSellersOwnReceiptsAndListings()
    {
        await using var etsy = EtsyEmulator.Start();
        var (a, _, shopA) = await etsy.ConnectAsync(seller: "maker_a");
        var (b, _, shopB) = await etsy.ConnectAsync(seller: "maker_b");
        await ListActiveAsync(etsy, a, shopA, "SAME-SKU", quantity: 3);
        await ListActiveAsync(etsy, b, shopB, "SAME-SKU", quantity: 8);
        var control = new EmulatorControl(etsy.Http, new EmulatedChannels([new EmulatedChannel(ChannelKind.Etsy, "etsy")]));

        var placed = await control.PlaceOrdersAsync(ChannelKind.Etsy, new SandboxOrderRequest(1, ["SAME-SKU"], Seller: "maker_b"), CancellationToken.None);

        Assert.Equal(new Dictionary<string, int> { ["SAME-SKU"] = 3 }, await control.QuantitiesAsync(ChannelKind.Etsy, "maker_a", CancellationToken.None));
        Assert.Equal(new Dictionary<string, int> { ["SAME-SKU"] = 7 }, await control.QuantitiesAsync(ChannelKind.Etsy, "maker_b", CancellationToken.None));
        Assert.Empty(await control.OrderStatusesAsync(ChannelKind.Etsy, "maker_a", CancellationToken.None));
        Assert.Equal(placed.OrderIds, (await control.OrderStatusesAsync(ChannelKind.Etsy, "maker_b", CancellationToken.None)).Keys);
        Assert.Equal(new SandboxControlAbout("etsy", "seller", OrderWebhooks: false, RateLimitBurstsAreRetries: true), await control.AboutAsync(ChannelKind.Etsy, CancellationToken.None));
        var setup = await etsy.Http.GetFromJsonAsync<JsonElement>("/sandbox/etsy/_control/publish-setup");
        Assert.Equal("1633", setup.GetProperty("categoryId").GetString());
        Assert.Equal("193845012", setup.GetProperty("accountProperties").GetProperty("shipping_profile_id").GetString());
    }

    /// <summary>A listing of one SKU, its inventory set and made active, as a seller publishing it would.</summary>
    private static async Task ListActiveAsync(EtsyEmulator etsy, string access, long shop, string sku, int quantity)
    {
        var id = (await etsy.CreateListingAsync(access, shop)).GetProperty("listing_id").GetInt64();
        (await etsy.CallAsync(HttpMethod.Put, $"/v3/application/listings/{id}/inventory", access, JsonContent.Create(new
        {
            products = new[] { new { sku, offerings = new[] { new { price = 15.0, quantity, is_enabled = true } } } },
        }))).EnsureSuccessStatusCode();
        (await etsy.CallAsync(HttpMethod.Patch, $"/v3/application/shops/{shop}/listings/{id}", access, EtsyEmulator.Form(("state", "active")))).EnsureSuccessStatusCode();
    }
}
