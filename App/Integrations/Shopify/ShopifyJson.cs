using System.Text.Json;
using System.Text.Json.Serialization;

namespace SellerPortal.Integrations.Shopify;

/// <summary>
/// The client's own serializer settings for Shopify's wire: camelCase as the GraphQL schema names fields, nulls left
/// out of variables (an omitted input field keeps its value in productSet), and the schema's Decimal and Money
/// scalars, which Shopify writes as strings ("21.50"), read as decimals.
/// </summary>
public static class ShopifyJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowReadingFromString,
    };
}
