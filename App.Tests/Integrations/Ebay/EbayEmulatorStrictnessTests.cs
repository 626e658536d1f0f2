using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay;
using SellerPortal.Tests.Integrations.Ebay.Support;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Ebay;

/// <summary>
/// The emulator parses as eBay does (issue 20): wrong casing, unknown members, wrong JSON types, a wrong content type
/// or method are refused in eBay's error envelope; publishOffer is refused without what a live listing needs. And the
/// common control contract drives it over HTTP.
/// </summary>
[Collection(ChannelEmulatorsCollection.Name)]
public sealed class EbayEmulatorStrictnessTests(EbayEmulatorFixture emulator)
{
    private async Task<HttpResponseMessage> SendRawAsync(HttpMethod method, string path, string? json = null, string contentType = "application/json")
    {
        using var request = new HttpRequestMessage(method, "/sandbox/ebay" + path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await emulator.Tokens.GetAccessTokenAsync(emulator.Account, CancellationToken.None));
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8);
            request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType);
            request.Content.Headers.ContentLanguage.Add("en-US");
        }

        return await emulator.Raw.SendAsync(request);
    }

    private static async Task<JsonElement> FirstErrorAsync(HttpResponseMessage response) =>
        (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors")[0];

    private EbayClient Client => emulator.Host.Services.GetRequiredService<EbayClient>();

    [Fact]
    public async Task APascalCaseBody_IsRefusedInEbaysEnvelope()
    {
        var response = await SendRawAsync(HttpMethod.Put, "/sell/inventory/v1/inventory_item/STRICT-1",
            """{"Availability":{"ShipToLocationAvailability":{"Quantity":3}},"Condition":"NEW","Product":{"Title":"Pads"}}""");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var error = await FirstErrorAsync(response);
        Assert.Equal("API_INVENTORY", error.GetProperty("domain").GetString());
        Assert.Equal("REQUEST", error.GetProperty("category").GetString());
        Assert.Null(await Client.GetInventoryItemAsync(emulator.Account, "STRICT-1", CancellationToken.None));
    }

    [Fact]
    public async Task AQuantityAsAString_AndAMisspelledMember_AreRefused()
    {
        var asString = await SendRawAsync(HttpMethod.Post, "/sell/inventory/v1/bulk_update_price_quantity",
            """{"requests":[{"sku":"S1","shipToLocationAvailability":{"quantity":"3"}}]}""");
        var misspelled = await SendRawAsync(HttpMethod.Post, "/sell/inventory/v1/bulk_update_price_quantity",
            """{"requests":[{"skuu":"S1","shipToLocationAvailability":{"quantity":3}}]}""");

        Assert.Equal(HttpStatusCode.BadRequest, asString.StatusCode);
        Assert.Contains("quantity", (await FirstErrorAsync(asString)).GetProperty("longMessage").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, misspelled.StatusCode);
        Assert.True((await FirstErrorAsync(misspelled)).GetProperty("errorId").GetInt32() > 0);
    }

    [Fact]
    public async Task AFormBody_Is415_AndAWrongMethod_Is405_BothInEbaysEnvelope()
    {
        var form = await SendRawAsync(HttpMethod.Post, "/sell/inventory/v1/bulk_update_price_quantity", "requests=1", "application/x-www-form-urlencoded");
        var method = await SendRawAsync(HttpMethod.Get, "/sell/inventory/v1/bulk_update_price_quantity");

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, form.StatusCode);
        Assert.Equal("Content-Type", (await FirstErrorAsync(form)).GetProperty("parameters")[0].GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.MethodNotAllowed, method.StatusCode);
        Assert.Equal(2003, (await FirstErrorAsync(method)).GetProperty("errorId").GetInt32());
    }

    [Fact]
    public async Task Publish_WithoutLocationPoliciesImagesConditionOrRequiredAspects_IsRefusedWith25002()
    {
        await SendRawAsync(HttpMethod.Put, "/sell/inventory/v1/inventory_item/BARE-1",
            """{"availability":{"shipToLocationAvailability":{"quantity":2}},"product":{"title":"Bare pads"}}""");
        var offerId = await Client.CreateOfferAsync(emulator.Account, new SellerPortal.Integrations.Ebay.Dto.EbayOffer
        {
            Sku = "BARE-1", MarketplaceId = "EBAY_US", Format = "FIXED_PRICE", AvailableQuantity = 2, CategoryId = "33560",
            PricingSummary = new(new("9.99", "USD")),
        }, CancellationToken.None);

        var ex = await Assert.ThrowsAsync<ChannelValidationException>(() => Client.PublishOfferAsync(emulator.Account, offerId, CancellationToken.None));

        Assert.Equal("25002", ex.ErrorCode);
        var fields = ex.FieldErrors.Select(e => e.Field).ToList();
        Assert.Contains("merchantLocationKey", fields);
        Assert.Contains("listingPolicies.fulfillmentPolicyId", fields);
        Assert.Contains("listingPolicies.paymentPolicyId", fields);
        Assert.Contains("listingPolicies.returnPolicyId", fields);
        Assert.Contains("condition", fields);
        Assert.Contains("product.imageUrls", fields);
        Assert.Contains("product.aspects.Brand", fields);
    }

    [Fact]
    public async Task ControlContract_PlacesOrders_SetsState_AndReadsAndSetsListedQuantities_OverHttp()
    {
        var draft = new ListingDraft
        {
            ProductKey = "CTRL-1", Title = "Brake pads CTRL-1", Description = "Ceramic.", Brand = "StopRight", CategoryId = "33560",
            ImageUrls = ["https://example.com/pads.jpg"], Attributes = new Dictionary<string, string> { ["Brand"] = "StopRight" },
            Variants = [new ListingVariantDraft("CTRL-1", new ChannelMoney(12m, "USD"), 5, new Dictionary<string, string>())],
        };
        await emulator.Connector.CreateListingAsync(emulator.Account, draft, CancellationToken.None);
        const string control = "/sandbox/ebay/_control/";

        Assert.Equal(5, (await emulator.Raw.GetFromJsonAsync<JsonElement>(control + "listed-quantities/CTRL-1")).GetProperty("quantity").GetInt32());

        var placed = await emulator.Raw.PostAsJsonAsync(control + "buyer-orders", new { count = 2, skus = new[] { "CTRL-1" } });
        placed.EnsureSuccessStatusCode();
        var ids = (await placed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("orderIds").EnumerateArray().Select(e => e.GetString()!).ToList();
        Assert.Equal(2, ids.Count);
        var first = await emulator.Connector.GetOrderAsync(emulator.Account, ids[0], CancellationToken.None);
        Assert.Equal("CTRL-1", Assert.Single(first!.Lines).Sku);
        Assert.Equal(ids[0], first.OrderNumber);
        var sold = first.Lines[0].Quantity + (await emulator.Connector.GetOrderAsync(emulator.Account, ids[1], CancellationToken.None))!.Lines[0].Quantity;
        Assert.Equal(5 - sold, (await emulator.Raw.GetFromJsonAsync<JsonElement>(control + "listed-quantities/CTRL-1")).GetProperty("quantity").GetInt32());

        var cancelled = await emulator.Raw.PostAsJsonAsync(control + $"buyer-orders/{ids[0]}/state", new { state = "cancelled" });
        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        Assert.Equal("CANCELED", (await cancelled.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(OrderStatus.Cancelled, (await emulator.Connector.GetOrderAsync(emulator.Account, ids[0], CancellationToken.None))!.Status);
        var shipped = await emulator.Raw.PostAsJsonAsync(control + $"buyer-orders/{ids[1]}/state", new { state = "shipped" });
        Assert.Equal(HttpStatusCode.OK, shipped.StatusCode);
        Assert.Equal("FULFILLED", (await shipped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        Assert.Equal(OrderStatus.Shipped, (await emulator.Connector.GetOrderAsync(emulator.Account, ids[1], CancellationToken.None))!.Status);
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.Raw.PostAsJsonAsync(control + "buyer-orders/00-00000-00000/state", new { state = "shipped" })).StatusCode);

        var set = await emulator.Raw.PutAsJsonAsync(control + "listed-quantities/CTRL-1", new { quantity = 9 });
        Assert.Equal(HttpStatusCode.NoContent, set.StatusCode);
        Assert.Equal(9, (await emulator.Raw.GetFromJsonAsync<JsonElement>(control + "listed-quantities/CTRL-1")).GetProperty("quantity").GetInt32());
        Assert.Equal(9, (await Client.GetOffersAsync(emulator.Account, "CTRL-1", CancellationToken.None)).Single().AvailableQuantity);
        Assert.Equal(HttpStatusCode.NotFound, (await emulator.Raw.GetAsync(control + "listed-quantities/NOT-LISTED")).StatusCode);
    }
}
