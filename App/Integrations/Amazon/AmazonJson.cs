using System.Text.Json;
using System.Text.Json.Serialization;

namespace SellerPortal.Integrations.Amazon;

/// <summary>Serializer settings per SP-API family: Orders v0 is PascalCase, the newer APIs camelCase.</summary>
public static class AmazonJson
{
    /// <summary>Orders API v0: property names exactly as the records spell them.</summary>
    public static JsonSerializerOptions Orders { get; } = new()
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>Listings, Feeds, Catalog: camelCase.</summary>
    public static JsonSerializerOptions Web { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
