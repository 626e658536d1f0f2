namespace SellerPortal.Integrations.Common;

/// <summary>
/// What a channel's own (inner) handler learnt from a response body, for <see cref="ApiCallLogMessageHandler"/> to record:
/// set them on <c>response.RequestMessage.Options</c> before returning the response. Headers are read without this.
/// </summary>
public static class ChannelCallFacts
{
    public static readonly HttpRequestOptionsKey<string> ErrorCode = new("SellerPortal.CallErrorCode");
    public static readonly HttpRequestOptionsKey<string> ErrorMessage = new("SellerPortal.CallErrorMessage");
    public static readonly HttpRequestOptionsKey<string> RequestId = new("SellerPortal.CallRequestId");

    public static void Record(HttpResponseMessage response, string? errorCode, string? errorMessage, string? requestId)
    {
        if (response.RequestMessage is not { } request)
        {
            return;
        }

        if (errorCode is not null)
        {
            request.Options.Set(ErrorCode, errorCode);
        }

        if (errorMessage is not null)
        {
            request.Options.Set(ErrorMessage, errorMessage);
        }

        if (requestId is not null)
        {
            request.Options.Set(RequestId, requestId);
        }
    }
}
