using System.Text.Json;
using System.Text.Json.Serialization;

namespace SellerPortal.Integrations.Ebay;

public static class EbayJson
{
    /// <summary>eBay's REST APIs are camelCase; absent fields stay absent.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
