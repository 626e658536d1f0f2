using System.Text.Json;

namespace SellerPortal.Tests.Sandbox.Shopify;

/// <summary>
/// productSet and inventorySetQuantities as the 2026-10 schema and shopify.md state them: options and each variant's
/// option values agree, SKUs are one per shop, refusals are userErrors with the input's field path and the schema's
/// code; every quantity carries changeFromQuantity (absent refused, null unchecked, stale CHANGE_FROM_QUANTITY_STALE)
/// and a refused call applies nothing.
/// </summary>
public sealed class ShopifyEmulatorProductsTests
{
    private const string SetQuantities = """
        mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) {
          inventoryAdjustmentGroup { reason changes { name delta quantityAfterChange } }
          userErrors { code field message } } }
        """;

    [Fact]
    public async Task ProductSet_CreatesWithOptionsAndVariants_ThenUpdatesByIdentifier()
    {
        await using var shopify = ShopifyEmulator.Start();
        var token = await shopify.ConnectAsync();

        var product = await shopify.CreateProductAsync(token, "Brake disc", ["BD-S", "BD-L"], quantity: 7);
        var id = product.GetProperty("id").GetString()!;
        var (_, updated) = await shopify.GraphQLAsync(token, """
            mutation($id: ID!) { productSet(identifier: {id: $id}, input: {title: "Brake disc v2"}) { product { id title } userErrors { field } } }
            """, new { id });
        var (_, read) = await shopify.GraphQLAsync(token, """
            query($q: String) { productVariants(first: 5, query: $q) { nodes { sku price title inventoryQuantity selectedOptions { name value } product { title } } } }
            """, new { q = "sku:BD-L" });

        Assert.StartsWith("gid://shopify/Product/", id, StringComparison.Ordinal);
        Assert.Equal(["BD-S", "BD-L"], product.GetProperty("variants").GetProperty("nodes").EnumerateArray().Select(v => v.GetProperty("sku").GetString()));
        Assert.Equal("Brake disc v2", updated.GetProperty("data").GetProperty("productSet").GetProperty("product").GetProperty("title").GetString());
        var variant = read.GetProperty("data").GetProperty("productVariants").GetProperty("nodes").EnumerateArray().Single();
        Assert.Equal("BD-L", variant.GetProperty("sku").GetString());
        Assert.Equal("19.99", variant.GetProperty("price").GetString());
        Assert.Equal("BD-L", variant.GetProperty("title").GetString());
        Assert.Equal(7, variant.GetProperty("inventoryQuantity").GetInt32());
        Assert.Equal("Size", variant.GetProperty("selectedOptions")[0].GetProperty("name").GetString());
        Assert.Equal("Brake disc v2", variant.GetProperty("product").GetProperty("title").GetString());
    }

    [Fact]
    public async Task ProductSet_RefusesDisagreeingOptions_ADuplicateSku_ANegativePrice_AndNoTitle_WithFieldPaths()
    {
        await using var shopify = ShopifyEmulator.Start();
        var token = await shopify.ConnectAsync();
        await shopify.CreateProductAsync(token, "First", ["TAKEN"]);

        var (_, body) = await shopify.GraphQLAsync(token, """
            mutation($input: ProductSetInput!) { productSet(input: $input) { product { id } userErrors { field message code } } }
            """, new
        {
            input = new
            {
                productOptions = new[] { new { name = "Size", values = new[] { new { name = "S" } } } },
                variants = new object[]
                {
                    new { sku = "TAKEN", price = "5.00", optionValues = new[] { new { optionName = "Size", name = "S" } } },
                    new { sku = "NEW", price = "-1", optionValues = new[] { new { optionName = "Colour", name = "Red" } } },
                },
            },
        });

        var payload = body.GetProperty("data").GetProperty("productSet");
        Assert.Equal(JsonValueKind.Null, payload.GetProperty("product").ValueKind);
        var errors = payload.GetProperty("userErrors").EnumerateArray()
            .Select(e => (string.Join(".", e.GetProperty("field").EnumerateArray().Select(f => f.GetString())), e.GetProperty("code").GetString())).ToList();
        Assert.Contains(("input.title", "INVALID_PRODUCT"), errors);
        Assert.Contains(("input.variants.0.sku", "DUPLICATED_VALUE"), errors);
        Assert.Contains(("input.variants.1.optionValues.0.optionName", "OPTION_DOES_NOT_EXIST"), errors);
        Assert.Contains(("input.variants.1.price", "INVALID_VARIANT"), errors);
        var (_, count) = await shopify.GraphQLAsync(token, "{ products(first: 10) { nodes { title } } }");
        Assert.Equal(["First"], count.GetProperty("data").GetProperty("products").GetProperty("nodes").EnumerateArray().Select(p => p.GetProperty("title").GetString()));
    }

    [Fact]
    public async Task InventorySetQuantities_NeedsChangeFromQuantity_NullSkipsTheCheck_AStaleOneAppliesNothing()
    {
        await using var shopify = ShopifyEmulator.Start();
        var token = await shopify.ConnectAsync();
        var product = await shopify.CreateProductAsync(token, "Pads", ["PAD-1", "PAD-2"], quantity: 5);
        var items = product.GetProperty("variants").GetProperty("nodes").EnumerateArray().Select(v => v.GetProperty("inventoryItem").GetProperty("id").GetString()).ToList();
        var location = (await shopify.GraphQLAsync(token, "{ locations(first: 1) { nodes { id } } }")).Body
            .GetProperty("data").GetProperty("locations").GetProperty("nodes")[0].GetProperty("id").GetString();
        async Task<JsonElement> SetAsync(params object[] quantities) => (await shopify.GraphQLAsync(token, SetQuantities,
            new { input = new { name = "available", reason = "correction", quantities } })).Body.GetProperty("data").GetProperty("inventorySetQuantities");
        async Task<int[]> AvailableAsync() => [.. (await shopify.GraphQLAsync(token, "{ productVariants(first: 5) { nodes { inventoryQuantity } } }")).Body
            .GetProperty("data").GetProperty("productVariants").GetProperty("nodes").EnumerateArray().Select(v => v.GetProperty("inventoryQuantity").GetInt32())];

        var absent = await SetAsync(new { inventoryItemId = items[0], locationId = location, quantity = 9 });
        var stale = await SetAsync(
            new { inventoryItemId = items[0], locationId = location, quantity = 9, changeFromQuantity = (int?)5 },
            new { inventoryItemId = items[1], locationId = location, quantity = 9, changeFromQuantity = (int?)4 });
        Assert.Equal(new[] { 5, 5 }, await AvailableAsync());
        var unchecked_ = await SetAsync(new { inventoryItemId = items[1], locationId = location, quantity = 3, changeFromQuantity = (int?)null });
        var correct = await SetAsync(new { inventoryItemId = items[0], locationId = location, quantity = 8, changeFromQuantity = (int?)5 });

        Assert.Equal("quantities.0.changeFromQuantity", Field(absent));
        Assert.Equal("CHANGE_FROM_QUANTITY_STALE", stale.GetProperty("userErrors")[0].GetProperty("code").GetString());
        Assert.Equal("input.quantities.1.changeFromQuantity", "input." + Field(stale));
        Assert.Equal(0, unchecked_.GetProperty("userErrors").GetArrayLength());
        Assert.Equal(0, correct.GetProperty("userErrors").GetArrayLength());
        var change = correct.GetProperty("inventoryAdjustmentGroup").GetProperty("changes")[0];
        Assert.Equal(("available", 3, 8), (change.GetProperty("name").GetString(), change.GetProperty("delta").GetInt32(), change.GetProperty("quantityAfterChange").GetInt32()));
        Assert.Equal(new[] { 8, 3 }, await AvailableAsync());
    }

    [Fact]
    public async Task InventorySetQuantities_RefusesAnUnknownReasonOrName()
    {
        await using var shopify = ShopifyEmulator.Start();
        var token = await shopify.ConnectAsync();

        var (_, body) = await shopify.GraphQLAsync(token, SetQuantities, new { input = new { name = "incoming", reason = "because", quantities = Array.Empty<object>() } });

        var codes = body.GetProperty("data").GetProperty("inventorySetQuantities").GetProperty("userErrors").EnumerateArray().Select(e => e.GetProperty("code").GetString());
        Assert.Equal(["INVALID_NAME", "INVALID_REASON"], codes);
    }

    private static string Field(JsonElement payload) =>
        string.Join(".", payload.GetProperty("userErrors")[0].GetProperty("field").EnumerateArray().Skip(1).Select(f => f.GetString()));
}
