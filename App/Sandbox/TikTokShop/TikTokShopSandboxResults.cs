using System.Security.Cryptography;
using System.Text.Json;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>Answers in TikTok's envelope <c>{"code","message","request_id","data"}</c>.</summary>
internal static class TikTokShopSandboxResults
{
    public static IResult Ok<T>(T data) =>
        Results.Json(new TikTokWireEnvelope<T>(0, "Success", RequestId(), data), TikTokShopSandboxJson.Options);

    /// <summary>TikTok's error shape, <c>"data":null</c> included.</summary>
    public static IResult Error(int httpStatus, int code, string message) =>
        Results.Json(new TikTokWireErrorEnvelope(code, message, RequestId()), TikTokShopSandboxJson.Options, statusCode: httpStatus);

    public static IResult BadParameter(string message) => Error(400, SandboxCodes.InvalidParameter, message);

    /// <summary>
    /// Reads a JSON body strictly in TikTok's snake_case (a member of another name or casing is refused); null when
    /// it is not valid JSON for <typeparamref name="T"/>, with the reader's reason in <paramref name="problem"/>.
    /// </summary>
    public static T? Read<T>(string body, out string problem)
        where T : class
    {
        problem = "";
        try
        {
            return body.Length == 0 ? null : JsonSerializer.Deserialize<T>(body, TikTokShopSandboxJson.Options);
        }
        catch (JsonException ex)
        {
            // The reader names the member and its path ("The JSON property 'Title' could not be mapped…", "$.skus[0]").
            problem = ex.Message;
            return null;
        }
    }

    public static T? Read<T>(string body)
        where T : class => Read<T>(body, out _);

    /// <summary>400 naming why the body was not read.</summary>
    public static IResult Unreadable(string what, string problem) =>
        BadParameter(problem.Length == 0 ? $"The request body is not {what}." : $"The request body is not {what}: {problem}");

    /// <summary>Shaped like TikTok's: a timestamp, then hex.</summary>
    public static string RequestId() =>
        DateTime.UtcNow.ToString("yyyyMMddHHmmss", System.Globalization.CultureInfo.InvariantCulture)
        + Convert.ToHexString(RandomNumberGenerator.GetBytes(10));
}
