using System.Text;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Shopify;
using SellerPortal.Integrations.Shopify.Dto;

namespace SellerPortal.Tests.Integrations.Shopify;

/// <summary>The Shopify client's pure parts: status mapping, money, options, the cost bucket and the webhook verdicts.</summary>
public sealed class ShopifyClientPartsTests
{
    [Theory]
    [InlineData("PAID", "FULFILLED", true, OrderStatus.Cancelled)]
    [InlineData("PENDING", "UNFULFILLED", false, OrderStatus.Pending)]
    [InlineData("AUTHORIZED", "UNFULFILLED", false, OrderStatus.Pending)]
    [InlineData("PAID", "UNFULFILLED", false, OrderStatus.Processing)]
    [InlineData("PAID", "IN_PROGRESS", false, OrderStatus.Processing)]
    [InlineData("PAID", "PARTIALLY_FULFILLED", false, OrderStatus.Processing)]
    [InlineData("PAID", "ON_HOLD", false, OrderStatus.Processing)]
    [InlineData("PAID", "SCHEDULED", false, OrderStatus.Processing)]
    [InlineData("PAID", "FULFILLED", false, OrderStatus.Shipped)]
    [InlineData("REFUNDED", "UNFULFILLED", false, OrderStatus.Cancelled)]
    [InlineData("VOIDED", "UNFULFILLED", false, OrderStatus.Cancelled)]
    public void Status_FollowsShopifyMdTable(string financial, string fulfillment, bool cancelled, OrderStatus expected) =>
        Assert.Equal(expected, ShopifyMapper.Status(financial, fulfillment, cancelled));

    [Fact]
    public void Money_IsAnInvariantDecimalString_KeepingItsScale()
    {
        Assert.Equal("21.50", ShopifyMapper.Money(21.50m));
        Assert.Equal("1500", ShopifyMapper.Money(1500m));
    }

    [Fact]
    public void ProductOptions_ComeFromTheVariantsOptions_InFirstSeenOrder()
    {
        var draft = new ListingDraft
        {
            ProductKey = "P", Title = "Mug",
            Variants =
            [
                new ListingVariantDraft("MUG-BLUE-S", new ChannelMoney(21.50m, "USD"), 3, new Dictionary<string, string> { ["Colour"] = "Blue", ["Size"] = "S" }),
                new ListingVariantDraft("MUG-RED-S", new ChannelMoney(19m, "USD"), 4, new Dictionary<string, string> { ["Colour"] = "Red", ["Size"] = "S" }),
            ],
        };

        var input = ShopifyMapper.ToProductSet(draft, "gid://shopify/Location/1", new Dictionary<string, string>());

        Assert.Equal([("Colour", 1, "Blue,Red"), ("Size", 2, "S")], input.ProductOptions.Select(o => (o.Name, o.Position, string.Join(',', o.Values.Select(v => v.Name)))));
        Assert.Equal([("Colour", "Red"), ("Size", "S")], input.Variants[1].OptionValues.Select(v => (v.OptionName, v.Name)));
        Assert.Equal(("19", 4), (input.Variants[1].Price, input.Variants[1].InventoryQuantities![0].Quantity));
        Assert.Equal("ACTIVE", input.Status);
    }

    [Fact]
    public void AProductWithoutOptions_UsesShopifysDefaultTitleOption()
    {
        var options = ShopifyMapper.ProductOptions([new ListingVariantDraft("ONE", new ChannelMoney(5m, "USD"), 1, new Dictionary<string, string>())]);

        Assert.Equal(("Title", "Default Title"), (Assert.Single(options).Name, Assert.Single(options[0].Values).Name));
    }

    [Fact]
    public void TheCostBucket_WaitsForTheRefillTheThrottleStatusImplies()
    {
        var clock = new FakeTimeProvider();
        var buckets = new ShopifyCostBuckets(clock, Options.Create(new ShopifyOptions()));

        buckets.Observe("s.myshopify.com", new ShopifyThrottleStatus(2000, 300, 100));

        Assert.Equal(TimeSpan.Zero, buckets.WaitFor("s.myshopify.com", 300));
        Assert.Equal(TimeSpan.FromSeconds(5), buckets.WaitFor("s.myshopify.com", 800));
        clock.Advance(TimeSpan.FromSeconds(2));
        Assert.Equal(TimeSpan.FromSeconds(3), buckets.WaitFor("s.myshopify.com", 800));
        Assert.Equal(TimeSpan.FromSeconds(7.5), ShopifyCostBuckets.RefillTime(new ShopifyThrottleStatus(1000, 250, 50), 625));
        Assert.Equal(TimeSpan.Zero, buckets.WaitFor("other.myshopify.com", 2000));
    }

    [Fact]
    public async Task AReservation_TakesItsCostFromTheEstimate_SoTheNextWaits()
    {
        var clock = new FakeTimeProvider();
        var buckets = new ShopifyCostBuckets(clock, Options.Create(new ShopifyOptions()));
        buckets.Observe("s.myshopify.com", new ShopifyThrottleStatus(2000, 1000, 100));

        await buckets.ReserveAsync("s.myshopify.com", 900, CancellationToken.None);

        Assert.Equal(TimeSpan.FromSeconds(8), buckets.WaitFor("s.myshopify.com", 900));
        Assert.Equal(100, buckets.Snapshot("s.myshopify.com").TokensAvailable);
    }

    [Fact]
    public void AWebhookSignedWithTheSecret_IsValid_WithItsIdTopicShopAndAction()
    {
        var body = """{"id":820982911946154508,"admin_graphql_api_id":"gid://shopify/Order/820982911946154508"}""";

        var verdict = Verifier().Verify(Request(body, ShopifyHmac.WebhookSignature("hush", body), "orders/updated"));

        Assert.True(verdict.SignatureValid);
        Assert.Equal(("wh-1", "orders/updated", "s.myshopify.com"), (verdict.EventId, verdict.EventType, verdict.ShopId));
        Assert.Equal(new RefreshOrderAction("gid://shopify/Order/820982911946154508"), Assert.Single(verdict.Actions));
    }

    [Fact]
    public void AForgedOrUnsignedWebhook_IsRejectedWithAReason()
    {
        var body = """{"id":1}""";

        var forged = Verifier().Verify(Request(body, ShopifyHmac.WebhookSignature("other", body), "orders/create"));
        var unsigned = Verifier().Verify(Request(body, null, "orders/create"));

        Assert.False(forged.SignatureValid);
        Assert.Equal("The signature does not match.", forged.Error);
        Assert.False(unsigned.SignatureValid);
        Assert.Contains("X-Shopify-Hmac-Sha256", unsigned.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void CustomersRedact_ErasesByTheCustomerGidAndEmail_AndNamesAPerson()
    {
        var body = """{"shop_domain":"s.myshopify.com","customer":{"id":191167,"email":"john@example.com"},"orders_to_redact":[299938]}""";

        var verdict = Verifier().Verify(Request(body, ShopifyHmac.WebhookSignature("hush", body), "customers/redact"));

        Assert.True(verdict.NamesAPerson);
        Assert.Equal([new EraseBuyerDataAction("gid://shopify/Customer/191167"), new EraseBuyerDataAction("john@example.com")], verdict.Actions);
    }

    [Theory]
    [InlineData("app/uninstalled", true, false)]
    [InlineData("customers/data_request", false, true)]
    [InlineData("shop/redact", false, true)]
    [InlineData("inventory_levels/update", false, false)]
    [InlineData("products/update", false, false)]
    public void OtherTopics_AreAccepted_WithTheirActions(string topic, bool revokes, bool namesAPerson)
    {
        var body = """{"id":1}""";

        var verdict = Verifier().Verify(Request(body, ShopifyHmac.WebhookSignature("hush", body), topic));

        Assert.True(verdict.SignatureValid);
        Assert.Equal(revokes, verdict.Actions.OfType<AuthorizationRevokedAction>().Any());
        Assert.Equal(namesAPerson, verdict.NamesAPerson);
    }

    [Fact]
    public void TheDescriptor_ReadsProductStatuses_AndItsFloorsComeFromTheRestoreRate()
    {
        var descriptor = ShopifyDescriptor.Descriptor;

        Assert.Equal([ChannelListingActivity.Active, ChannelListingActivity.Inactive, ChannelListingActivity.Inactive],
            new[] { "ACTIVE", "DRAFT", "ARCHIVED" }.Select(descriptor.ReadListingStatus));
        Assert.Equal(82, descriptor.Floors.OrderPages(10), 3);
        Assert.Equal(TimeSpan.FromSeconds(20), descriptor.Floors.LongestRefill);
    }

    [Fact]
    public void TheHandleAProductIsCreatedUnder_IsItsTitleThenItsKey_CutToShopifysLength()
    {
        ListingDraft Draft(string title) => new() { ProductKey = "P-1", Title = title, Variants = [] };

        Assert.Equal("glazed-mug-p-1", ShopifyMapper.Handle(Draft("  Glazed Mug! ")));
        Assert.Equal("p-1", ShopifyMapper.Handle(Draft("…")));
        var cut = ShopifyMapper.Handle(Draft(new string('a', 300)));
        Assert.Equal((255, new string('a', 251) + "-p-1"), (cut.Length, cut));
    }

    [Fact]
    public void Descriptor_AsksForTheShopDomain_AndChecksIt()
    {
        var prompt = ShopifyDescriptor.Descriptor.ConnectAsksForShop;

        Assert.Same(ShopifyDescriptor.ShopDomain, prompt);
        Assert.Null(prompt!.Check(" Sandbox-Store.myshopify.com "));
        Assert.Equal(prompt.Refusal, prompt.Check("-store.myshopify.com"));
        Assert.Equal(prompt.Refusal, prompt.Check("store.example.com"));
    }

    private static ShopifyWebhookVerifier Verifier() =>
        new(new StaticMonitor(new ShopifyOptions { ClientSecret = "hush" }));

    private static WebhookRequest Request(string body, string? hmac, string topic)
    {
        var headers = new Dictionary<string, string>
        {
            [ShopifyWebhookVerifier.TopicHeader] = topic,
            [ShopifyWebhookVerifier.ShopHeader] = "s.myshopify.com",
            [ShopifyWebhookVerifier.WebhookIdHeader] = "wh-1",
        };
        if (hmac is not null)
        {
            headers[ShopifyWebhookVerifier.HmacHeader] = hmac;
        }

        return new WebhookRequest("/webhooks/Shopify", headers, Encoding.UTF8.GetBytes(body));
    }

    private sealed class StaticMonitor(ShopifyOptions value) : IOptionsMonitor<ShopifyOptions>
    {
        public ShopifyOptions CurrentValue => value;

        public ShopifyOptions Get(string? name) => value;

        public IDisposable? OnChange(Action<ShopifyOptions, string?> listener) => null;
    }
}
