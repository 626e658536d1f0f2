using System.Security.Cryptography;
using System.Text.Json;
using System.Text.Json.Serialization;
using SellerPortal.Integrations.TikTokShop.Dto;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>Answers in TikTok's envelope <c>{"code","message","request_id","data"}</c>.</summary>
public static class TikTokShopSandboxResults
{
    public static IResult Ok<T>(T data) =>
        Results.Json(new TikTokEnvelope<T> { Code = 0, Message = "Success", RequestId = RequestId(), Data = data }, TikTokJson.Options);

    /// <summary>TikTok's error shape, <c>"data":null</c> included.</summary>
    public static IResult Error(int httpStatus, int code, string message) =>
        Results.Json(new ErrorEnvelope(code, message, RequestId()), TikTokJson.Options, statusCode: httpStatus);

    public static IResult BadParameter(string message) => Error(400, SandboxCodes.InvalidParameter, message);

    /// <summary>Reads a JSON body in TikTok's snake_case; null when it is not valid JSON for <typeparamref name="T"/>.</summary>
    public static T? Read<T>(string body)
        where T : class
    {
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize<T>(body, TikTokJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Shaped like TikTok's: a timestamp, then hex.</summary>
    public static string RequestId() =>
        DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)
        + Convert.ToHexString(RandomNumberGenerator.GetBytes(10));

    private sealed record ErrorEnvelope(int Code, string Message, string RequestId)
    {
        [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
        public object? Data => null;
    }
}
