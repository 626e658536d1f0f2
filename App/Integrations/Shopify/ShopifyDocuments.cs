namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// Every GraphQL document the client sends, held to the pinned schema (Admin API 2026-10, the subset in
/// App/Sandbox/Shopify/Schema/admin-2026-10.graphql) by a test that validates each of them. Page sizes keep each
/// query's requested cost under Shopify's 1000-point ceiling for one query: a connection costs 2 plus its page size
/// times the cost of each node (an object 1, a scalar 0).
/// </summary>
public static class ShopifyDocuments
{
    /// <summary>Orders per page: 10 orders with 25 lines each asks ≈ 820 points.</summary>
    public const int OrdersPerPage = 10;

    public const int LinesPerOrder = 25;

    /// <summary>Products per listings page with up to 50 variants each (≈ 530 points).</summary>
    public const int ProductsPerPage = 10;

    /// <summary>Variants read per stock lookup: 5 objects each, so 100 asks ≈ 500 points.</summary>
    public const int VariantsPerLookup = 100;

    public const string TestConnection = """
        query TestConnection {
          shop { id name myshopifyDomain currencyCode }
        }
        """;

    /// <summary>The shop and its active locations (the default excludes inactive ones), read once at connect.</summary>
    public const string ShopAndLocations = """
        query ShopAndLocations {
          shop { id name myshopifyDomain currencyCode }
          locations(first: 50) { nodes { id name isActive } }
        }
        """;

    public const string Products = """
        query Products($first: Int!, $after: String) {
          products(first: $first, after: $after, sortKey: ID) {
            pageInfo { hasNextPage endCursor }
            nodes {
              id title status onlineStoreUrl
              variants(first: 50) { nodes { id sku price inventoryQuantity } }
            }
          }
        }
        """;

    public const string ProductSet = """
        mutation ProductSet($identifier: ProductSetIdentifiers, $input: ProductSetInput!) {
          productSet(identifier: $identifier, input: $input, synchronous: true) {
            product {
              id status onlineStoreUrl
              variants(first: 250) { nodes { id sku } }
            }
            userErrors { code field message }
          }
        }
        """;

    public const string ProductStatus = """
        mutation ProductStatus($product: ProductUpdateInput!) {
          productUpdate(product: $product) {
            product { id status }
            userErrors { field message }
          }
        }
        """;

    public const string ProductDelete = """
        mutation ProductDelete($input: ProductDeleteInput!) {
          productDelete(input: $input) {
            deletedProductId
            userErrors { field message }
          }
        }
        """;

    /// <summary>Variants by SKU with their inventory item's <c>available</c> at the account's location.</summary>
    public const string VariantsBySku = """
        query VariantsBySku($first: Int!, $query: String!, $locationId: ID!) {
          productVariants(first: $first, query: $query) {
            nodes {
              id sku price
              product { id }
              inventoryItem {
                id tracked
                inventoryLevel(locationId: $locationId) { quantities(names: ["available"]) { name quantity } }
              }
            }
          }
        }
        """;

    public const string InventorySet = """
        mutation InventorySet($input: InventorySetQuantitiesInput!) {
          inventorySetQuantities(input: $input) {
            inventoryAdjustmentGroup { id }
            userErrors { code field message }
          }
        }
        """;

    public const string VariantPrices = """
        mutation VariantPrices($productId: ID!, $variants: [ProductVariantsBulkInput!]!) {
          productVariantsBulkUpdate(productId: $productId, variants: $variants) {
            productVariants { id sku price }
            userErrors { code field message }
          }
        }
        """;

    private const string OrderFields = """
        fragment OrderFields on Order {
          id name createdAt updatedAt cancelledAt closed
          displayFinancialStatus displayFulfillmentStatus
          totalPriceSet { shopMoney { amount currencyCode } }
          currencyCode email
          customer { id displayName }
          shippingAddress { name address1 address2 city province provinceCode zip countryCodeV2 phone }
          lineItems(first: 25) {
            nodes { id sku title quantity originalUnitPriceSet { shopMoney { amount currencyCode } } }
          }
        }
        """;

    /// <summary>Orders changed in the window, oldest change first (sortKey UPDATED_AT), cursor paging.</summary>
    public const string Orders = """
        query Orders($first: Int!, $after: String, $query: String) {
          orders(first: $first, after: $after, query: $query, sortKey: UPDATED_AT) {
            pageInfo { hasNextPage endCursor }
            nodes { ...OrderFields }
          }
        }
        """ + "\n" + OrderFields;

    public const string Order = """
        query Order($id: ID!) {
          order(id: $id) { ...OrderFields }
        }
        """ + "\n" + OrderFields;

    /// <summary>The order's fulfillment orders and what remains to ship on each line (10 × 25 lines ≈ 540 points).</summary>
    public const string FulfillmentOrders = """
        query FulfillmentOrders($id: ID!) {
          order(id: $id) {
            id
            fulfillmentOrders(first: 10) {
              nodes {
                id status
                lineItems(first: 25) { nodes { id remainingQuantity lineItem { id } } }
              }
            }
          }
        }
        """;

    public const string FulfillmentCreate = """
        mutation FulfillmentCreate($fulfillment: FulfillmentInput!) {
          fulfillmentCreate(fulfillment: $fulfillment) {
            fulfillment { id status }
            userErrors { field message }
          }
        }
        """;

    /// <summary>Every document, by operation name, for the schema test.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = new Dictionary<string, string>
    {
        [nameof(TestConnection)] = TestConnection,
        [nameof(ShopAndLocations)] = ShopAndLocations,
        [nameof(Products)] = Products,
        [nameof(ProductSet)] = ProductSet,
        [nameof(ProductStatus)] = ProductStatus,
        [nameof(ProductDelete)] = ProductDelete,
        [nameof(VariantsBySku)] = VariantsBySku,
        [nameof(InventorySet)] = InventorySet,
        [nameof(VariantPrices)] = VariantPrices,
        [nameof(Orders)] = Orders,
        [nameof(Order)] = Order,
        [nameof(FulfillmentOrders)] = FulfillmentOrders,
        [nameof(FulfillmentCreate)] = FulfillmentCreate,
    };
}
