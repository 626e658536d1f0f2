using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Integrations.Ebay.Dto;
using SellerPortal.Tests.Integrations.Ebay.Support;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Ebay;

/// <summary>Issue 20's eBay defects (items 10, 11, 12, 14), each held by a test that failed on the code before the fix.</summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class EbayIssue20DefectTests(EbayEmulatorFixture emulator)
{
    private static ListingDraft Draft(string sku, string condition = "New", Dictionary<string, string>? fields = null) => new()
    {
        ProductKey = sku,
        Title = $"Brake pads {sku}",
        Description = "Ceramic, front axle.",
        Brand = "StopRight",
        CategoryId = "33560",
        Condition = condition,
        ImageUrls = ["https://example.com/pads.jpg"],
        Attributes = new Dictionary<string, string> { ["Brand"] = "StopRight" },
        ChannelFields = fields ?? new Dictionary<string, string>(),
        Variants = [new ListingVariantDraft(sku, new ChannelMoney(19.99m, "USD"), 3, new Dictionary<string, string>())],
    };

    /// <summary>Counts what would have gone to eBay, and answers nothing useful.</summary>
    private sealed class CountingHandler : HttpMessageHandler
    {
        public int Calls { get; private set; }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Calls++;
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NoContent));
        }
    }

    private static (EbayConnector Connector, CountingHandler Handler) Offline()
    {
        var handler = new CountingHandler();
        var options = Options.Create(new EbayOptions());
        return (new EbayConnector(new EbayClient(new HttpClient(handler), options), options, TimeProvider.System), handler);
    }

    // Item 12.
    [Theory]
    [InlineData("New", "NEW")]
    [InlineData("Used", "USED_EXCELLENT")]
    [InlineData("Refurbished", "SELLER_REFURBISHED")]
    public void EveryCatalogCondition_MapsToItsConditionEnumValue(string catalog, string expected)
    {
        Assert.Equal(expected, EbayMapper.Condition(catalog));
        Assert.Contains(EbayMapper.Condition(catalog), EbayMapper.ConditionEnum);
    }

    [Fact]
    public void Condition_NotKnown_IsRefusedInsteadOfSentAsNew()
    {
        var ex = Assert.Throws<ChannelValidationException>(() => EbayMapper.Condition("Gently loved"));
        Assert.Contains("New, Used or Refurbished", ex.Message);
    }

    [Fact]
    public void ListingDuration_FieldIsHonoured_AndANonGtcValueIsRefused()
    {
        var gtc = EbayMapper.ToOffer(Draft("D-1", fields: new() { ["listing_duration"] = "gtc" }), Draft("D-1").Variants[0], "EBAY_US", _ => null);
        Assert.Equal("GTC", gtc.ListingDuration);

        var ex = Assert.Throws<ChannelValidationException>(() =>
            EbayMapper.ToOffer(Draft("D-2", fields: new() { ["listing_duration"] = "DAYS_7" }), Draft("D-2").Variants[0], "EBAY_US", _ => null));
        Assert.Contains("GTC", ex.Message);
    }

    // Item 14.
    [Fact]
    public void Orders_AreNumberedByOrderId_NotTheLegacyId()
    {
        var order = EbayMapper.ToChannelOrder(new EbayOrder
        {
            OrderId = "27-13000-00001",
            LegacyOrderId = "110123456789-2712345678!130000000000",
            CreationDate = "2026-11-01T10:00:00.000Z",
            LastModifiedDate = "2026-11-01T10:05:00.000Z",
            OrderFulfillmentStatus = "NOT_STARTED",
        });

        Assert.Equal("27-13000-00001", order.OrderNumber);
        Assert.Equal("27-13000-00001", order.ExternalOrderId);
    }

    // Item 10.
    [Fact]
    public async Task Publish_WithoutPoliciesOrLocation_IsRefusedBeforeAnyCall_WithWhatToSet()
    {
        var (connector, handler) = Offline();
        var account = new ChannelAccountContext(1, ChannelKind.Ebay, ChannelEnvironment.Sandbox)
        {
            Properties = new Dictionary<string, string> { ["fulfillment_policy_id"] = "6196932000" },
        };

        var ex = await Assert.ThrowsAsync<ChannelValidationException>(() => connector.CreateListingAsync(account, Draft("NOPOL-1"), CancellationToken.None));

        Assert.Equal(0, handler.Calls);
        Assert.Contains("payment policy", ex.Message);
        Assert.Contains("return policy", ex.Message);
        Assert.Contains("inventory location", ex.Message);
        Assert.Contains("Channels page", ex.Message);
        Assert.Equal(["merchant_location_key", "payment_policy_id", "return_policy_id"], ex.FieldErrors.Select(e => e.Field).Order());
    }

    [Fact]
    public async Task Publish_WithPerProductOverrides_PassesTheCheck()
    {
        var (connector, handler) = Offline();
        var account = new ChannelAccountContext(1, ChannelKind.Ebay, ChannelEnvironment.Sandbox);
        var draft = Draft("OVR-1", fields: new()
        {
            ["fulfillment_policy_id"] = "1", ["payment_policy_id"] = "2", ["return_policy_id"] = "3", ["merchant_location_key"] = "w",
        });

        // The offline handler answers 204 to everything, so the publish fails later for want of a listing id: past the check.
        await Assert.ThrowsAnyAsync<Exception>(() => connector.CreateListingAsync(account, draft, CancellationToken.None));
        Assert.True(handler.Calls > 0);
    }

    [Fact]
    public async Task AccountSettings_OfferTheSellersPoliciesAndLocations_AndApplyChecksThem()
    {
        var settings = new EbayAccountSettings(emulator.Host.Services.GetRequiredService<EbayClient>());

        var read = await settings.ReadAsync(emulator.Account, CancellationToken.None);

        Assert.Contains(read.Single(s => s.Key == "fulfillment_policy_id").Choices, c => c.Value == "6196932000");
        Assert.Contains(read.Single(s => s.Key == "payment_policy_id").Choices, c => c.Value == "6196933000");
        Assert.Contains(read.Single(s => s.Key == "return_policy_id").Choices, c => c.Value == "6196934000");
        Assert.Contains(read.Single(s => s.Key == "merchant_location_key").Choices, c => c.Value == "warehouse-1");

        var applied = await settings.ApplyAsync(emulator.Account, new Dictionary<string, string>
        {
            ["fulfillment_policy_id"] = "6196932000", ["payment_policy_id"] = "6196933000",
            ["return_policy_id"] = "6196934000", ["merchant_location_key"] = "warehouse-1",
        }, CancellationToken.None);
        Assert.Equal("warehouse-1", applied["merchant_location_key"]);

        var wrong = await Assert.ThrowsAsync<ChannelValidationException>(() => settings.ApplyAsync(emulator.Account, new Dictionary<string, string>
        {
            ["fulfillment_policy_id"] = "999", ["payment_policy_id"] = "6196933000",
            ["return_policy_id"] = "6196934000", ["merchant_location_key"] = "warehouse-1",
        }, CancellationToken.None));
        Assert.Contains("999", wrong.Message);
    }

    [Fact]
    public async Task AccountSettings_WithNoLocation_CreatesOneOnApply()
    {
        var account = emulator.Account;
        var client = emulator.Host.Services.GetRequiredService<EbayClient>();
        await emulator.ControlAsync("locations/clear");
        try
        {
            var settings = new EbayAccountSettings(client);
            Assert.Empty((await settings.ReadAsync(account, CancellationToken.None)).Single(s => s.Key == "merchant_location_key").Choices);

            var applied = await settings.ApplyAsync(account, new Dictionary<string, string>
            {
                ["fulfillment_policy_id"] = "6196932000", ["payment_policy_id"] = "6196933000", ["return_policy_id"] = "6196934000",
                ["new_location_postal_code"] = "95125", ["new_location_country"] = "us",
            }, CancellationToken.None);

            Assert.Equal(EbayAccountSettings.CreatedLocationKey, applied["merchant_location_key"]);
            var created = Assert.Single(await client.GetInventoryLocationsAsync(account, CancellationToken.None));
            Assert.Equal(EbayAccountSettings.CreatedLocationKey, created.MerchantLocationKey);
            Assert.Equal("US", created.Location?.Address.Country);
            Assert.Equal("95125", created.Location?.Address.PostalCode);
        }
        finally
        {
            // The seller's seeded location back, for the other tests of the collection.
            await emulator.ControlAsync("locations/reset");
        }
    }

    // Item 11.
    [OfficialExampleFact("ebay_event_notification_sdk_test.json")]
    public async Task DeletionNotification_IsAnswered204WhenValid_And412WhenTheSignatureDoesNotMatch()
    {
        using var doc = System.Text.Json.JsonDocument.Parse(OfficialExamples.Read("ebay_event_notification_sdk_test.json")!);
        // The whole portal, whose verifier fetches eBay's public key from its own emulator with an application token.
        await using var portal = SellerPortal.Tests.TestSupport.PortalAppFactory.WithEmulators(null, new Dictionary<string, string?>
        {
            ["Sandbox:PortalBaseUrl"] = "http://localhost",
        });
        using var client = portal.CreateClient();
        async Task<HttpStatusCode> PostAsync(string name)
        {
            var @case = doc.RootElement.GetProperty(name);
            // Compact JSON in the order received: the bytes eBay signed.
            var body = System.Text.Json.JsonSerializer.Serialize(@case.GetProperty("message"),
                new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
            using var request = new HttpRequestMessage(HttpMethod.Post, "/webhooks/Ebay") { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            request.Headers.TryAddWithoutValidation("X-EBAY-SIGNATURE", @case.GetProperty("signature").GetString());
            using var response = await client.SendAsync(request);
            return response.StatusCode;
        }

        Assert.Equal(HttpStatusCode.NoContent, await PostAsync("VALID"));
        Assert.Equal(HttpStatusCode.PreconditionFailed, await PostAsync("SIGNATURE_MISMATCH"));
    }
}
