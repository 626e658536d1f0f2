using System.Text.Json;
using System.Text.Json.Serialization;

namespace SellerPortal.Integrations.TikTokShop.Dto;

/// <summary>Every TikTok Shop response: <c>{"code":0|non-zero,"message","request_id","data"}</c>; success is code 0.</summary>
public sealed record TikTokEnvelope<T>
{
    public int Code { get; init; }
    public string? Message { get; init; }
    public string? RequestId { get; init; }
    public T? Data { get; init; }
}

/// <summary>The wire format: snake_case names, nulls left out, money as strings (never floating point).</summary>
public static class TikTokJson
{
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
