using System.Net;
using System.Text.Json;
using Microsoft.Extensions.Time.Testing;

namespace SellerPortal.Tests.Sandbox.Shopify;

/// <summary>
/// What the emulator's GraphQL endpoint answers before and around a document, as Shopify does: 401 and 404 in the REST
/// envelope, a document the 2026-10 schema refuses as top-level errors with HTTP 200 and no data, the calculated cost
/// on every answer, THROTTLED when the bucket is drained, MAX_COST_EXCEEDED past the single-query limit.
/// </summary>
public sealed class ShopifyEmulatorGraphQLTests
{
    [Fact]
    public async Task AMissingOrWrongToken_Is401InShopifysEnvelope_AndAnUnknownVersionIs404()
    {
        await using var shopify = ShopifyEmulator.Start();
        var token = await shopify.ConnectAsync();

        var missing = await shopify.GraphQLAsync(null, "{ shop { id } }");
        var wrong = await shopify.GraphQLAsync("shpat_nope", "{ shop { id } }");
        var otherShop = await shopify.GraphQLAsync(token, "{ shop { id } }", shop: "another.myshopify.com");
        var version = await shopify.GraphQLAsync(token, "{ shop { id } }", version: "2019-13");

        foreach (var (status, body) in new[] { missing, wrong, otherShop })
        {
            Assert.Equal(HttpStatusCode.Unauthorized, status);
            Assert.Equal("[API] Invalid API key or access token (unrecognized login or wrong password)", body.GetProperty("errors").GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, version.Status);
    }

    [Theory]
    [InlineData("{ shop { nmae } }", "FIELDS_ON_CORRECT_TYPE")]
    [InlineData("{ product(identifier: \"gid://shopify/Product/1\") { id } }", "KNOWN_ARGUMENT_NAMES")]
    [InlineData("{ products(first: \"ten\") { nodes { id } } }", "ARGUMENTS_OF_CORRECT_TYPE")]
    public async Task ADocumentTheSchemaRefuses_IsErrorsWithoutData_WithHttp200(string query, string code)
    {
        await using var shopify = ShopifyEmulator.Start();
        var token = await shopify.ConnectAsync();

        var (status, body) = await shopify.GraphQLAsync(token, query);

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.False(body.TryGetProperty("data", out _));
        var error = body.GetProperty("errors")[0];
        Assert.False(string.IsNullOrEmpty(error.GetProperty("message").GetString()));
        Assert.Equal(1, error.GetProperty("locations")[0].GetProperty("line").GetInt32());
        Assert.Equal(code, error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(0, body.GetProperty("extensions").GetProperty("cost").GetProperty("actualQueryCost").GetInt32());
    }

    [Fact]
    public async Task EveryAnswer_CarriesTheCalculatedCost_AndTheBucket()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var shopify = ShopifyEmulator.Start(time, rateLimits: true);
        var token = await shopify.ConnectAsync();

        var shop = await shopify.GraphQLAsync(token, "{ shop { id name } }");
        var products = await shopify.GraphQLAsync(token, "{ products(first: 10) { edges { cursor node { id title } } pageInfo { hasNextPage } } }");
        var nested = await shopify.GraphQLAsync(token, "query($n: Int) { products(first: $n) { nodes { id variants(first: 5) { nodes { id sku } } } } }", new { n = 4 });
        var mutation = await shopify.GraphQLAsync(token, "mutation { productDelete(input: {id: \"gid://shopify/Product/1\"}) { deletedProductId userErrors { field message } } }");

        Assert.Equal((1, 1, 1999), Cost(shop.Body));
        Assert.Equal((12, 12, 1987), Cost(products.Body));
        // 2 + 4 × (1 + (2 + 5 × 1))
        Assert.Equal((34, 34, 1953), Cost(nested.Body));
        Assert.Equal((10, 10, 1943), Cost(mutation.Body));
        var throttle = mutation.Body.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus");
        Assert.Equal(2000, throttle.GetProperty("maximumAvailable").GetDouble());
        Assert.Equal(100, throttle.GetProperty("restoreRate").GetDouble());
    }

    [Fact]
    public async Task ADrainedBucket_IsThrottledWithHttp200_AndTheQueryRunsOnceItRefills()
    {
        var time = new FakeTimeProvider(DateTimeOffset.Parse("2026-12-01T10:00:00Z", System.Globalization.CultureInfo.InvariantCulture));
        await using var shopify = ShopifyEmulator.Start(time, new Dictionary<string, string?>
        {
            ["Sandbox:Shopify:MaximumAvailable"] = "20", ["Sandbox:Shopify:RestoreRate"] = "10",
        }, rateLimits: true);
        var token = await shopify.ConnectAsync();
        const string query = "{ products(first: 10) { nodes { id } } }";

        var first = await shopify.GraphQLAsync(token, query);
        var throttled = await shopify.GraphQLAsync(token, query);
        time.Advance(TimeSpan.FromSeconds(1));
        var refilled = await shopify.GraphQLAsync(token, query);

        Assert.Equal((12, 12, 8), Cost(first.Body));
        Assert.Equal(HttpStatusCode.OK, throttled.Status);
        Assert.False(throttled.Body.TryGetProperty("data", out _));
        var error = throttled.Body.GetProperty("errors")[0];
        Assert.Equal("Throttled", error.GetProperty("message").GetString());
        Assert.Equal("THROTTLED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal("https://shopify.dev/api/usage/rate-limits", error.GetProperty("extensions").GetProperty("documentation").GetString());
        var cost = throttled.Body.GetProperty("extensions").GetProperty("cost");
        Assert.Equal(12, cost.GetProperty("requestedQueryCost").GetInt32());
        Assert.Equal(JsonValueKind.Null, cost.GetProperty("actualQueryCost").ValueKind);
        Assert.Equal(8, cost.GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetDouble());
        Assert.Equal((12, 12, 6), Cost(refilled.Body));
        Assert.True(refilled.Body.TryGetProperty("data", out _));
    }

    [Fact]
    public async Task AQueryOverTheSingleQueryLimit_IsMaxCostExceeded_AndDrainsNothing()
    {
        await using var shopify = ShopifyEmulator.Start();
        var token = await shopify.ConnectAsync();

        var (status, body) = await shopify.GraphQLAsync(token, "{ products(first: 250) { nodes { variants(first: 250) { nodes { id } } } } }");

        Assert.Equal(HttpStatusCode.OK, status);
        var error = body.GetProperty("errors")[0];
        Assert.Equal("MAX_COST_EXCEEDED", error.GetProperty("extensions").GetProperty("code").GetString());
        Assert.Equal(2 + (250 * (1 + 2 + 250)), error.GetProperty("extensions").GetProperty("cost").GetInt32());
        Assert.Equal(1000, error.GetProperty("extensions").GetProperty("maxCost").GetInt32());
        Assert.Equal(2000, body.GetProperty("extensions").GetProperty("cost").GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetDouble());
    }

    [Fact]
    public async Task AConnectionWithoutFirstOrLast_IsRefused()
    {
        await using var shopify = ShopifyEmulator.Start();
        var token = await shopify.ConnectAsync();

        var (_, body) = await shopify.GraphQLAsync(token, "{ products { nodes { id } } }");

        Assert.Equal("you must provide one of first or last", body.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    private static (int Requested, int Actual, double Available) Cost(JsonElement body)
    {
        var cost = body.GetProperty("extensions").GetProperty("cost");
        return (cost.GetProperty("requestedQueryCost").GetInt32(), cost.GetProperty("actualQueryCost").GetInt32(),
            cost.GetProperty("throttleStatus").GetProperty("currentlyAvailable").GetDouble());
    }
}
