using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>TikTok Shop's error codes (Partner API "Common error codes") and their meaning to us.</summary>
public static class TikTokShopErrors
{
    public const int InvalidAccessToken = 105001;
    public const int ExpiredAccessToken = 105002;
    public const int ScopeNotGranted = 105005;
    public const int InvalidSign = 106001;
    public const int MissingShopCipher = 106013;
    public const int RateLimited = 36009002;
    public const int InternalError = 36009003;
    /// <summary>Missing sign, bad app_key, timestamp out of window, or a shop_cipher where none is allowed.</summary>
    public const int InvalidCommonParameter = 36009004;
    /// <summary>Refresh token expired ("rt has expired"), seen from the token endpoint (EcomPHP/tiktokshop-php#15).</summary>
    public const int RefreshTokenExpired = 36004001;
    /// <summary>No grant behind the refresh token or code ("can not find related auth record"): revoked or used.</summary>
    public const int AuthRecordNotFound = 36004005;

    /// <summary>Access-token rejections the token handler answers with one refresh and a resend.</summary>
    public static bool IsRejectedAccessToken(int code) => code is InvalidAccessToken or ExpiredAccessToken;

    /// <summary>Maps a non-zero envelope (or a failed HTTP status) to the portal's exception for that failure.</summary>
    public static ChannelException ToException(int code, string? message, string? requestId, int httpStatus, TimeSpan? retryAfter = null)
    {
        var text = $"TikTok Shop: {message ?? "request failed"} (code {code}{(requestId is null ? "" : $", request {requestId}")})";
        var errorCode = code.ToString(System.Globalization.CultureInfo.InvariantCulture);
        const ChannelKind channel = ChannelKind.TikTokShop;
        return code switch
        {
            RateLimited => new ChannelRateLimitException(channel, text, retryAfter, errorCode, requestId),
            InvalidAccessToken or ExpiredAccessToken or InvalidSign or InvalidCommonParameter or ScopeNotGranted
                => new ChannelAuthException(channel, text, errorCode, requestId, httpStatus),
            RefreshTokenExpired or AuthRecordNotFound
                => new ChannelAuthException(channel, text, errorCode, requestId, httpStatus, requiresReauthorization: true),
            MissingShopCipher => new ChannelValidationException(channel, text, [new("shop_cipher", message ?? "shop_cipher is required")], errorCode, requestId, httpStatus),
            InternalError => new ChannelServerException(channel, text, errorCode, requestId, httpStatus >= 500 ? httpStatus : 500),
            _ when httpStatus == 429 => new ChannelRateLimitException(channel, text, retryAfter, errorCode, requestId),
            _ when httpStatus >= 500 => new ChannelServerException(channel, text, errorCode, requestId, httpStatus),
            _ when httpStatus == 404 => new ChannelNotFoundException(channel, text, errorCode, requestId),
            _ when httpStatus is 401 or 403 => new ChannelAuthException(channel, text, errorCode, requestId, httpStatus),
            _ => new ChannelValidationException(channel, text, [new(null, message ?? "rejected")], errorCode, requestId, httpStatus),
        };
    }
}
