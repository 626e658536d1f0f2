using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Benchmarks.Orders;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;
using SellerPortal.Integrations.Etsy;
using SellerPortal.Sandbox.Common;
using SellerPortal.Sandbox.Etsy;
using SellerPortal.Tests.Features.Listings;
using SellerPortal.Tests.Sandbox.Etsy;

namespace SellerPortal.Tests.Integrations.Etsy;

/// <summary>
/// The Etsy client against the Etsy emulator over real HTTP: connected through the portal's own connect flow and the
/// emulator's consent page, then each contract operation as the emulator holds Etsy's rules.
/// </summary>
public sealed class EtsyConnectorTests : IAsyncLifetime
{
    private EmulatorPortal portal = default!;
    private ChannelAccountContext account = default!;
    private IServiceScope scope = default!;
    private IChannelConnector connector = default!;

    public async Task InitializeAsync()
    {
        portal = EmulatorPortal.Start();
        var id = await portal.ConnectAsync(ChannelKind.Etsy);
        account = ChannelAccountContexts.For(await portal.AccountAsync(id));
        scope = portal.Services.CreateScope();
        connector = scope.ServiceProvider.GetRequiredService<ChannelRegistry>().Connector(ChannelKind.Etsy)!;
    }

    public async Task DisposeAsync()
    {
        scope.Dispose();
        await portal.DisposeAsync();
    }

    [Fact]
    public async Task TheAccount_IsKeyedByTheSellersShop_WithTheUserAsSeller_AndItsTestCallSucceeds()
    {
        var seller = await portal.Emulators.GetAsync<EtsySandboxSeller>(EtsySandboxCollections.Channel, EtsySandboxCollections.Sellers, "sandboxmaker");

        var test = await connector.TestConnectionAsync(account, CancellationToken.None);

        Assert.Equal(seller!.ShopId.ToString(System.Globalization.CultureInfo.InvariantCulture), account.ShopId);
        Assert.Equal(seller.UserId.ToString(System.Globalization.CultureInfo.InvariantCulture), account.SellerId);
        Assert.True(test.Ok, test.Message);
        Assert.Equal($"Connected to Etsy shop {seller.ShopId}.", test.Message);
    }

    [Fact]
    public void TheConsentUrl_AsksForS256WithTheStatesOwnChallenge_AndTheRegisteredRedirect()
    {
        var authorization = scope.ServiceProvider.GetRequiredService<EtsyAuthorization>();

        var url = authorization.BuildAuthorizeUrl(new AuthorizeRequest("state-123", new Uri("http://portal.example/channels/callback/Etsy"), ChannelEnvironment.Production));
        var query = QueryHelpers.ParseQuery(url.Query);

        Assert.Equal("S256", query["code_challenge_method"]);
        Assert.Equal(Pkce.Challenge(authorization.Verifier("state-123")), query["code_challenge"]);
        Assert.Equal(EtsySandboxAuth.Challenge(authorization.Verifier("state-123")), query["code_challenge"].ToString());
        Assert.NotEqual(authorization.Verifier("state-123"), authorization.Verifier("state-124"));
        Assert.Equal(43, authorization.Verifier("state-123").Length);
        // The emulator's registered redirect, not the callback the request named: Etsy takes only the registered one.
        Assert.EndsWith("/channels/callback/Etsy", query["redirect_uri"].ToString(), StringComparison.Ordinal);
        Assert.Equal(["listings_r", "listings_w", "listings_d", "transactions_r", "transactions_w", "shops_r"], query["scope"].ToString().Split(' '));
    }

    [Fact]
    public async Task ARefresh_RotatesTheRefreshToken_AndTheSpentOneNeedsANewConsent()
    {
        await using var etsy = EtsyEmulator.On(portal);
        var (access, refresh, _) = await etsy.ConnectAsync(seller: "refresher");
        var authorization = scope.ServiceProvider.GetRequiredService<EtsyAuthorization>();
        var current = new TokenSet(access, DateTime.UtcNow.AddMinutes(5), refresh, DateTime.UtcNow.AddDays(90));

        var fresh = await authorization.RefreshAsync(account, current, CancellationToken.None);
        var spent = await Assert.ThrowsAsync<ChannelAuthException>(() => authorization.RefreshAsync(account, current, CancellationToken.None));

        Assert.NotEqual(refresh, fresh.RefreshToken);
        Assert.NotEqual(access, fresh.AccessToken);
        Assert.InRange(fresh.AccessTokenExpiresUtc, DateTime.UtcNow.AddMinutes(59), DateTime.UtcNow.AddMinutes(61));
        Assert.True(spent.RequiresReauthorization);
    }

    [Fact]
    public async Task AProductWithTwoVariants_IsOneListing_VaryingOnItsOption_AndPushesChangeOnlyTheirSku()
    {
        var draft = new ListingDraft
        {
            ProductKey = "P-1", Title = "Glazed mug", Description = "Stoneware", CategoryId = "1633",
            ImageUrls = [SandboxMerchantImages.Url("http://localhost", "glazed-mug", 120, 90), SandboxMerchantImages.Url("http://localhost", "glazed-mug-side", 60, 90)],
            ChannelFields = new Dictionary<string, string>
            {
                [EtsyConnector.ShippingProfileField] = EtsySandboxListings.ShippingProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture),
                [EtsyConnector.ReturnPolicyField] = EtsySandboxShopPolicies.ReturnPolicyId.ToString(System.Globalization.CultureInfo.InvariantCulture),
            },
            Variants =
            [
                new ListingVariantDraft("MUG-BLUE", new ChannelMoney(21.50m, "USD"), 3, new Dictionary<string, string> { ["Colour"] = "Blue" }),
                new ListingVariantDraft("MUG-RED", new ChannelMoney(19.00m, "USD"), 4, new Dictionary<string, string> { ["Colour"] = "Red" }),
            ],
        };

        var listed = await connector.CreateListingAsync(account, draft, CancellationToken.None);
        var pushed = await connector.UpdateInventoryAsync(account, [new SkuQuantity("MUG-RED", 9, listed.ExternalId), new SkuQuantity("MUG-GREEN", 1, listed.ExternalId)], CancellationToken.None);
        var priced = await connector.UpdatePricesAsync(account, [new SkuPrice("MUG-BLUE", new ChannelMoney(24.00m, "USD"), listed.ExternalId)], CancellationToken.None);
        var snapshot = Assert.Single((await connector.ListListingsAsync(account, null, CancellationToken.None)).Items);

        Assert.Equal("active", listed.Status);
        Assert.Equal(new Dictionary<string, string> { ["MUG-BLUE"] = listed.ExternalId, ["MUG-RED"] = listed.ExternalId }, listed.ExternalSkuIds);
        Assert.Equal([("MUG-GREEN", false), ("MUG-RED", true)], pushed.Select(r => (r.Sku, r.Succeeded)).OrderBy(r => r.Sku));
        Assert.True(Assert.Single(priced).Succeeded);
        Assert.Equal((listed.ExternalId, "Glazed mug", "active"), (snapshot.ExternalId, snapshot.Title, snapshot.Status));
        Assert.Equal([("MUG-BLUE", 24.00m, 3), ("MUG-RED", 19.00m, 9)], snapshot.Skus.Select(s => (s.Sku, s.Price!.Amount, s.Quantity!.Value)).OrderBy(s => s.Sku));
        var inventory = await RawInventoryAsync(listed.ExternalId);
        Assert.Equal(["Blue", "Red"], inventory.GetProperty("products").EnumerateArray()
            .Select(p => p.GetProperty("property_values")[0].GetProperty("values")[0].GetString()).Order());
        Assert.Equal([513L], inventory.GetProperty("sku_on_property").EnumerateArray().Select(e => e.GetInt64()));
        var pictures = await portal.Emulators.GetAsync<EtsySandboxListing>(EtsySandboxCollections.Channel, EtsySandboxCollections.Listings, listed.ExternalId);
        Assert.Equal([(1, 120, 90), (2, 60, 90)], pictures!.Images.Select(i => (i.Rank, i.FullWidth!.Value, i.FullHeight!.Value)));
    }

    [Fact]
    public async Task AProductWithoutAPicture_IsRefusedBeforeAnyCall()
    {
        var draft = new ListingDraft
        {
            ProductKey = "P-4", Title = "Cup", CategoryId = "1633",
            ChannelFields = new Dictionary<string, string> { [EtsyConnector.ShippingProfileField] = "193845012", [EtsyConnector.ReturnPolicyField] = "1274903311" },
            Variants = [new ListingVariantDraft("CUP-1", new ChannelMoney(7.00m, "USD"), 2, new Dictionary<string, string>())],
        };

        var refused = await Assert.ThrowsAsync<ChannelValidationException>(() => connector.CreateListingAsync(account, draft, CancellationToken.None));

        Assert.Equal("Etsy needs at least one product image before a listing can go on sale: add one to the product.", refused.Message);
        Assert.Empty(await portal.Emulators.ListAsync<EtsySandboxListing>(EtsySandboxCollections.Channel, EtsySandboxCollections.Listings, new DocumentRange(), ct: CancellationToken.None));
    }

    [Fact]
    public async Task Receipts_ImportWithTheirLines_AndTrackingShipsThem()
    {
        var draft = new ListingDraft
        {
            ProductKey = "P-2", Title = "Plate", CategoryId = "1633", ImageUrls = [SandboxMerchantImages.Url("http://localhost", "plate")],
            Variants = [new ListingVariantDraft("PLATE-1", new ChannelMoney(12.00m, "USD"), 10, new Dictionary<string, string>())],
        };
        // The shop's shipping profile and return policy as the account's settings hold them, for listings that name none.
        var settings = scope.ServiceProvider.GetRequiredService<EtsyAccountSettings>();
        var withProfile = account with
        {
            Properties = new Dictionary<string, string>(await settings.ApplyAsync(account, new Dictionary<string, string>
            {
                [EtsyConnector.ShippingProfileField] = "193845012", [EtsyConnector.ReturnPolicyField] = "1274903311",
                [EtsyConnector.WhoMadeField] = "collective", [EtsyConnector.WhenMadeField] = "2010_2019",
            }, CancellationToken.None)),
        };
        await connector.CreateListingAsync(withProfile, draft, CancellationToken.None);
        using var http = portal.Factory.CreateClient();
        var control = new EmulatorControl(http, portal.Services.GetRequiredService<EmulatedChannels>());
        var since = DateTime.UtcNow.AddMinutes(-1);
        var placed = await control.PlaceOrdersAsync(ChannelKind.Etsy, new SandboxOrderRequest(2, ["PLATE-1"]), CancellationToken.None);

        var page = await connector.ListOrdersAsync(account, new OrderQuery(since, PageSize: 1), CancellationToken.None);
        var next = await connector.ListOrdersAsync(account, new OrderQuery(since, Cursor: page.NextCursor, PageSize: 1), CancellationToken.None);
        await connector.MarkShippedAsync(account, new Shipment(placed.OrderIds[0], "USPS", "9400100000000000000001"), CancellationToken.None);
        var shipped = await connector.GetOrderAsync(account, placed.OrderIds[0], CancellationToken.None);

        var orders = page.Items.Concat(next.Items).ToList();
        Assert.Equal(placed.OrderIds.Order(), orders.Select(o => o.ExternalOrderId).Order());
        Assert.Null(next.NextCursor);
        Assert.All(orders, o => Assert.Equal((OrderStatus.Processing, "paid"), (o.Status, o.RawStatus)));
        Assert.Equal([1, 2], orders.Select(o => Assert.Single(o.Lines).Quantity).Order());
        Assert.All(orders, o => Assert.Equal(("PLATE-1", 12.00m), (o.Lines[0].Sku, o.Lines[0].UnitPrice.Amount)));
        Assert.Equal((OrderStatus.Shipped, "completed"), (shipped!.Status, shipped.RawStatus));
        Assert.Null(await connector.GetOrderAsync(account, "1", CancellationToken.None));
    }

    private async Task<JsonElement> RawInventoryAsync(string listingId)
    {
        await using var etsy = EtsyEmulator.On(portal);
        var (access, _, _) = await etsy.ConnectAsync();
        using var response = await etsy.CallAsync(HttpMethod.Get, $"/v3/application/listings/{listingId}/inventory", access);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task TheAccountSettings_OfferTheShopsOwnProfilesAndPolicies_AndRefuseWhatTheShopLacks()
    {
        var settings = scope.ServiceProvider.GetRequiredService<EtsyAccountSettings>();

        var read = await settings.ReadAsync(account, CancellationToken.None);
        var refused = await Assert.ThrowsAsync<ChannelValidationException>(() => settings.ApplyAsync(account, new Dictionary<string, string>
        {
            [EtsyConnector.ShippingProfileField] = "42", [EtsyConnector.WhoMadeField] = "i_did", [EtsyConnector.WhenMadeField] = "made_to_order",
        }, CancellationToken.None));

        Assert.Equal(["shipping_profile_id", "return_policy_id", "who_made", "when_made"], read.Select(s => s.Key));
        Assert.Equal([("193845012", "Standard shipping"), ("193845013", "Made to order, 2 weeks")], read[0].Choices.Select(c => (c.Value, c.Label)));
        Assert.Equal([("1274903311", "Returns and exchanges within 30 days"), ("1274903312", "No returns or exchanges")], read[1].Choices.Select(c => (c.Value, c.Label)));
        Assert.Equal(["i_did", "made_to_order"], read.Skip(2).Select(s => s.Value));
        Assert.Equal(["shipping_profile_id", "return_policy_id"], refused.FieldErrors.Select(e => e.Field));
        Assert.Equal("The Etsy settings were not saved: The Etsy shop has no shipping profile 42. Choose the return policy.", refused.Message);
    }

    [Fact]
    public async Task AListingWithoutAReturnPolicy_IsRefusedBeforeAnyCall_SayingWhereToSetIt()
    {
        var draft = new ListingDraft
        {
            ProductKey = "P-3", Title = "Bowl", CategoryId = "1633",
            ChannelFields = new Dictionary<string, string> { [EtsyConnector.ShippingProfileField] = "193845012" },
            Variants = [new ListingVariantDraft("BOWL-1", new ChannelMoney(9.00m, "USD"), 2, new Dictionary<string, string>())],
        };

        var refused = await Assert.ThrowsAsync<ChannelValidationException>(() => connector.CreateListingAsync(account, draft, CancellationToken.None));

        Assert.Equal("Etsy cannot publish without the return policy: choose them in the Etsy account's settings on the Channels page (or on the product's Etsy fields).", refused.Message);
        Assert.Empty((await connector.ListListingsAsync(account, null, CancellationToken.None)).Items);
    }

    [Fact]
    public async Task TheDailyQuota_IsEtsysOwnCount_ReadFromTheRemainingHeader()
    {
        // The emulator counts and states the budget only with its limits on (the test host turns them off for speed).
        // The emulator counts and states the budget only with its limits on (the test host turns them off for speed).
        portal.Faults.Set(EtsySandboxCollections.Channel, new FaultSettings { RateLimitsEnabled = true });
        var app = portal.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<EtsySandboxOptions>>().Value;
        var etsyCounter = portal.Services.GetRequiredService<EtsySandboxRateLimiter>();
        // Five calls the portal never saw (another shop on the same app key, or made before a restart).
        for (var i = 0; i < 5; i++)
        {
            etsyCounter.Take(app, DateTimeOffset.UtcNow);
        }

        await connector.TestConnectionAsync(account, CancellationToken.None);
        var used = scope.ServiceProvider.GetRequiredService<IRateLimitSnapshots>().For(account).DailyQuota!;
        // One more on the same key, straight at the emulator's counter: Etsy counts it, so one fewer remains.
        var remaining = etsyCounter.Take(app, DateTimeOffset.UtcNow).LeftToday;

        Assert.Equal(10_000, used.Limit);
        Assert.Equal(10_000 - (remaining + 1), used.Used);
        Assert.Equal(6, used.Used);
    }
}
