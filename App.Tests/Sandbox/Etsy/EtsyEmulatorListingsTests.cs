using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Sandbox.Common;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Sandbox.Etsy;

/// <summary>
/// Listings and their inventory on the Etsy emulator as the Open API v3 reference has them: createDraftListing's
/// required fields and form encoding, the title rules, updateListingInventory's JSON full replace (price a float in,
/// Money out), the listing's quantity as the sum of its offerings, and the shop's listings by state.
/// </summary>
public sealed class EtsyEmulatorListingsTests
{
    [Fact]
    public async Task CreateDraftListing_RefusesAMissingField_JsonInsteadOfAForm_ATitleRule_AndAnUnknownShippingProfile()
    {
        await using var etsy = EtsyEmulator.Start();
        var (access, _, shop) = await etsy.ConnectAsync();
        var path = $"/v3/application/shops/{shop}/listings";
        (string, string)[] Complete() =>
        [
            ("quantity", "5"), ("title", "Blue mug"), ("description", "A mug"), ("price", "19.99"), ("who_made", "i_did"),
            ("when_made", "made_to_order"), ("taxonomy_id", "1633"), ("shipping_profile_id", "193845012"), ("return_policy_id", "1274903311"),
        ];

        using var noTitle = await etsy.CallAsync(HttpMethod.Post, path, access, EtsyEmulator.Form([.. Complete().Where(f => f.Item1 != "title")]));
        using var json = await etsy.CallAsync(HttpMethod.Post, path, access, new StringContent("{\"title\":\"Blue mug\"}", Encoding.UTF8, "application/json"));
        using var twoPlus = await etsy.CallAsync(HttpMethod.Post, path, access, EtsyEmulator.Form([.. Complete().Where(f => f.Item1 != "title"), ("title", "Mug + saucer + spoon")]));
        using var profile = await etsy.CallAsync(HttpMethod.Post, path, access, EtsyEmulator.Form([.. Complete().Where(f => f.Item1 != "shipping_profile_id"), ("shipping_profile_id", "42")]));
        using var maker = await etsy.CallAsync(HttpMethod.Post, path, access, EtsyEmulator.Form([.. Complete().Where(f => f.Item1 != "who_made"), ("who_made", "factory")]));
        using var noReturns = await etsy.CallAsync(HttpMethod.Post, path, access, EtsyEmulator.Form([.. Complete().Where(f => f.Item1 != "return_policy_id")]));
        using var otherReturns = await etsy.CallAsync(HttpMethod.Post, path, access, EtsyEmulator.Form([.. Complete().Where(f => f.Item1 != "return_policy_id"), ("return_policy_id", "7")]));
        using var secondProfile = await etsy.CallAsync(HttpMethod.Post, path, access, EtsyEmulator.Form([.. Complete().Where(f => f.Item1 != "shipping_profile_id"), ("shipping_profile_id", "193845013")]));

        Assert.Equal((HttpStatusCode.BadRequest, "Missing required parameter: title"), (noTitle.StatusCode, await EtsyEmulator.ErrorOf(noTitle)));
        Assert.Equal((HttpStatusCode.BadRequest, "createDraftListing takes application/x-www-form-urlencoded."), (json.StatusCode, await EtsyEmulator.ErrorOf(json)));
        Assert.Equal((HttpStatusCode.BadRequest, "title may use + only once."), (twoPlus.StatusCode, await EtsyEmulator.ErrorOf(twoPlus)));
        Assert.Equal(HttpStatusCode.NotFound, profile.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, maker.StatusCode);
        Assert.Equal((HttpStatusCode.BadRequest, "return_policy_id is required for a physical listing."), (noReturns.StatusCode, await EtsyEmulator.ErrorOf(noReturns)));
        Assert.Equal((HttpStatusCode.NotFound, "Return policy 7 does not exist in this shop."), (otherReturns.StatusCode, await EtsyEmulator.ErrorOf(otherReturns)));
        Assert.Equal(HttpStatusCode.Created, secondProfile.StatusCode);
    }

    [Fact]
    public async Task ADraft_GetsItsInventoryReplaced_ItsQuantityIsTheOfferingsSum_AndGoesActive()
    {
        await using var etsy = EtsyEmulator.Start();
        var (access, _, shop) = await etsy.ConnectAsync();
        var listing = await etsy.CreateListingAsync(access, shop);
        var id = listing.GetProperty("listing_id").GetInt64();
        Assert.Equal(("draft", 5, 1999L, 100), (listing.GetProperty("state").GetString(), listing.GetProperty("quantity").GetInt32(),
            listing.GetProperty("price").GetProperty("amount").GetInt64(), listing.GetProperty("price").GetProperty("divisor").GetInt32()));

        var inventory = new
        {
            products = new object[]
            {
                new { sku = "MUG-BLUE", property_values = new[] { Colour("Blue") }, offerings = new[] { new { price = 21.5, quantity = 3, is_enabled = true } } },
                new { sku = "MUG-RED", property_values = new[] { Colour("Red") }, offerings = new[] { new { price = 19.0, quantity = 4, is_enabled = true } } },
            },
            price_on_property = new long[] { 513 }, quantity_on_property = new long[] { 513 }, sku_on_property = new long[] { 513 },
        };
        using var put = await etsy.CallAsync(HttpMethod.Put, $"/v3/application/listings/{id}/inventory", access, JsonContent.Create(inventory));
        var written = await put.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(put.IsSuccessStatusCode, written.ToString());
        using var duplicate = await etsy.CallAsync(HttpMethod.Put, $"/v3/application/listings/{id}/inventory", access,
            JsonContent.Create(new { products = new[] { inventory.products[0], inventory.products[0] } }));
        using var activate = await etsy.CallAsync(HttpMethod.Patch, $"/v3/application/shops/{shop}/listings/{id}", access, EtsyEmulator.Form(("state", "active")));
        var active = await activate.Content.ReadFromJsonAsync<JsonElement>();
        using var page = await etsy.CallAsync(HttpMethod.Get, $"/v3/application/shops/{shop}/listings?state=active&limit=10", access);
        var listings = await page.Content.ReadFromJsonAsync<JsonElement>();

        var first = written.GetProperty("products")[0];
        Assert.Equal(("MUG-BLUE", 2150L, 100, 3), (first.GetProperty("sku").GetString(), first.GetProperty("offerings")[0].GetProperty("price").GetProperty("amount").GetInt64(),
            first.GetProperty("offerings")[0].GetProperty("price").GetProperty("divisor").GetInt32(), first.GetProperty("offerings")[0].GetProperty("quantity").GetInt32()));
        Assert.Equal((HttpStatusCode.BadRequest, "Each product's sku must be unique within the listing."), (duplicate.StatusCode, await EtsyEmulator.ErrorOf(duplicate)));
        Assert.Equal(("active", 7, 1900L), (active.GetProperty("state").GetString(), active.GetProperty("quantity").GetInt32(), active.GetProperty("price").GetProperty("amount").GetInt64()));
        Assert.Equal(["MUG-BLUE", "MUG-RED"], active.GetProperty("skus").EnumerateArray().Select(s => s.GetString()));
        Assert.Equal(1, listings.GetProperty("count").GetInt32());
        Assert.Equal(id, listings.GetProperty("results")[0].GetProperty("listing_id").GetInt64());
    }

    [Fact]
    public async Task SeveralProducts_MustVaryOnTheSameOneOrTwoProperties_EachOnItsOwnValues()
    {
        await using var etsy = EtsyEmulator.Start();
        var (access, _, shop) = await etsy.ConnectAsync();
        var id = (await etsy.CreateListingAsync(access, shop)).GetProperty("listing_id").GetInt64();
        object Product(string sku, params object[] values) => new { sku, property_values = values, offerings = new[] { new { price = 10.0, quantity = 1, is_enabled = true } } };
        async Task<string> RefusalOf(object body)
        {
            using var response = await etsy.CallAsync(HttpMethod.Put, $"/v3/application/listings/{id}/inventory", access, JsonContent.Create(body));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            return await EtsyEmulator.ErrorOf(response);
        }

        Assert.Equal("Every product of a listing with variations needs property_values for the same variation properties.",
            await RefusalOf(new { products = new[] { Product("A"), Product("B") } }));
        Assert.Equal("Each product needs a different combination of property values.",
            await RefusalOf(new { products = new[] { Product("A", Colour("Blue")), Product("B", Colour("Blue")) } }));
        Assert.Equal("price_on_property, quantity_on_property and sku_on_property name only the products' variation properties.",
            await RefusalOf(new { products = new[] { Product("A", Colour("Blue")), Product("B", Colour("Red")) }, price_on_property = new long[] { 514 } }));
        using var fine = await etsy.CallAsync(HttpMethod.Put, $"/v3/application/listings/{id}/inventory", access,
            JsonContent.Create(new { products = new[] { Product("A", Colour("Blue")), Product("B", Colour("Red")) }, sku_on_property = new long[] { 513 } }));
        Assert.Equal(HttpStatusCode.OK, fine.StatusCode);
    }

    /// <summary>A custom variation property (Etsy's 513), its value typed by the seller.</summary>
    private static object Colour(string value) => new { property_id = 513, property_name = "Colour", values = new[] { value }, value_ids = Array.Empty<long>() };

    [OfficialExampleFact(EtsySchema.File)]
    public async Task TheInventoryAnswer_ConformsToListingInventory()
    {
        await using var etsy = EtsyEmulator.Start();
        var (access, _, shop) = await etsy.ConnectAsync();
        var id = (await etsy.CreateListingAsync(access, shop)).GetProperty("listing_id").GetInt64();
        using var put = await etsy.CallAsync(HttpMethod.Put, $"/v3/application/listings/{id}/inventory", access, JsonContent.Create(new
        {
            products = new[] { new { sku = "MUG-1", offerings = new[] { new { price = 12.0, quantity = 2, is_enabled = true } } } },
        }));

        using var read = await etsy.CallAsync(HttpMethod.Get, $"/v3/application/listings/{id}/inventory", access);
        var inventory = await read.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.OK, put.StatusCode);
        EtsySchema.AssertConforms("ListingInventory", inventory);
        Assert.Equal(EtsySchema.Properties("ListingInventory").Order(), inventory.EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(EtsySchema.Properties("ListingInventoryProduct").Order(), inventory.GetProperty("products")[0].EnumerateObject().Select(p => p.Name).Order());
    }

    [Fact]
    public async Task AnUnpublishedListing_LeavesTheActiveList_AndADeletedOne_IsGone()
    {
        await using var etsy = EtsyEmulator.Start();
        var (access, _, shop) = await etsy.ConnectAsync();
        var id = (await etsy.CreateListingAsync(access, shop)).GetProperty("listing_id").GetInt64();
        (await etsy.CallAsync(HttpMethod.Patch, $"/v3/application/shops/{shop}/listings/{id}", access, EtsyEmulator.Form(("state", "active")))).EnsureSuccessStatusCode();

        using var off = await etsy.CallAsync(HttpMethod.Patch, $"/v3/application/shops/{shop}/listings/{id}", access, EtsyEmulator.Form(("state", "inactive")));
        var inactive = await (await etsy.CallAsync(HttpMethod.Get, $"/v3/application/shops/{shop}/listings?state=inactive", access)).Content.ReadFromJsonAsync<JsonElement>();
        var activeCount = (await (await etsy.CallAsync(HttpMethod.Get, $"/v3/application/shops/{shop}/listings", access)).Content.ReadFromJsonAsync<JsonElement>()).GetProperty("count").GetInt32();
        using var deleted = await etsy.CallAsync(HttpMethod.Delete, $"/v3/application/listings/{id}", access);
        using var gone = await etsy.CallAsync(HttpMethod.Get, $"/v3/application/listings/{id}/inventory", access);
        using var wrongMethod = await etsy.CallAsync(HttpMethod.Post, $"/v3/application/listings/{id}", access);

        Assert.Equal(HttpStatusCode.OK, off.StatusCode);
        Assert.Equal((1, 0), (inactive.GetProperty("count").GetInt32(), activeCount));
        Assert.Equal(HttpStatusCode.NoContent, deleted.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, gone.StatusCode);
        Assert.Equal((HttpStatusCode.MethodNotAllowed, "Method POST is not allowed for this resource."), (wrongMethod.StatusCode, await EtsyEmulator.ErrorOf(wrongMethod)));
    }

    [Fact]
    public async Task WithItsLimitsOn_TheEleventhCallInASecond_Gets429_WithEtsysHeadersAndBody()
    {
        // A clock that stands still: every call falls in the same second, however slow the machine.
        await using var etsy = EtsyEmulator.Start(new FakeTimeProvider(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)));
        var (access, _, shop) = await etsy.ConnectAsync();
        etsy.Portal.Faults.Set("etsy", new FaultSettings { RateLimitsEnabled = true });
        var answers = new List<HttpResponseMessage>();
        for (var i = 0; i < 11; i++)
        {
            answers.Add(await etsy.CallAsync(HttpMethod.Get, $"/v3/application/shops/{shop}/listings", access));
        }

        // Eleven calls in one second: ten pass, the eleventh is refused.
        Assert.All(answers.Take(10), a => Assert.Equal(HttpStatusCode.OK, a.StatusCode));
        Assert.Equal("10", answers[0].Headers.GetValues("x-limit-per-second").Single());
        Assert.Equal("9", answers[0].Headers.GetValues("x-remaining-this-second").Single());
        Assert.Equal("10000", answers[0].Headers.GetValues("x-limit-per-day").Single());
        Assert.Equal(HttpStatusCode.TooManyRequests, answers[10].StatusCode);
        Assert.Equal("Exceeded per second rate limit", await EtsyEmulator.ErrorOf(answers[10]));
        Assert.Equal(TimeSpan.FromSeconds(1), answers[10].Headers.RetryAfter?.Delta);
        answers.ForEach(a => a.Dispose());
    }

    [Fact]
    public async Task ADraftWithoutAPicture_CannotGoActive_AndUploadedPicturesTakeTheirRanks()
    {
        await using var etsy = EtsyEmulator.Start();
        var (access, _, shop) = await etsy.ConnectAsync();
        var id = (await etsy.CreateListingAsync(access, shop, withImage: false)).GetProperty("listing_id").GetInt64();
        var listing = $"/v3/application/shops/{shop}/listings/{id}";

        using var bare = await etsy.CallAsync(HttpMethod.Patch, listing, access, EtsyEmulator.Form(("state", "active")));
        using var notMultipart = await etsy.CallAsync(HttpMethod.Post, listing + "/images", access, EtsyEmulator.Form(("image", "mug.png")));
        using var notAPicture = await etsy.UploadImageAsync(access, shop, id, Encoding.UTF8.GetBytes("<html>not a picture</html>"), fileName: "mug.html");
        using var first = await etsy.UploadImageAsync(access, shop, id, SandboxMerchantImages.Png(64, 48, (10, 20, 30)));
        using var front = await etsy.UploadImageAsync(access, shop, id, SandboxMerchantImages.Png(32, 32, (90, 20, 30)), rank: "1");
        using var active = await etsy.CallAsync(HttpMethod.Patch, listing, access, EtsyEmulator.Form(("state", "active")));
        var images = await (await etsy.CallAsync(HttpMethod.Get, $"/v3/application/listings/{id}/images", access)).Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal((HttpStatusCode.BadRequest, "A listing needs at least one image before it can be active."), (bare.StatusCode, await EtsyEmulator.ErrorOf(bare)));
        Assert.Equal((HttpStatusCode.BadRequest, "uploadListingImage takes multipart/form-data with the file in image."), (notMultipart.StatusCode, await EtsyEmulator.ErrorOf(notMultipart)));
        Assert.Equal((HttpStatusCode.BadRequest, "The image must be a JPEG, PNG or GIF file."), (notAPicture.StatusCode, await EtsyEmulator.ErrorOf(notAPicture)));
        Assert.Equal((HttpStatusCode.Created, HttpStatusCode.Created, HttpStatusCode.OK), (first.StatusCode, front.StatusCode, active.StatusCode));
        Assert.Equal(2, images.GetProperty("count").GetInt32());
        Assert.Equal([(1, 32, 32), (2, 64, 48)], images.GetProperty("results").EnumerateArray()
            .Select(i => (i.GetProperty("rank").GetInt32(), i.GetProperty("full_width").GetInt32(), i.GetProperty("full_height").GetInt32())));
    }
}
