namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// Per-request facts the shared handlers read (rate limiter, call log, token and signing handlers):
/// a client sets them on every <see cref="HttpRequestMessage"/> it sends.
/// </summary>
public static class ChannelRequestOptions
{
    public static readonly HttpRequestOptionsKey<ChannelAccountContext> Account = new("SellerPortal.Account");
    public static readonly HttpRequestOptionsKey<string> Operation = new("SellerPortal.Operation");
    /// <summary>Set true on writes that are safe to retry (idempotent, or carrying the channel's idempotency key).</summary>
    public static readonly HttpRequestOptionsKey<bool> RetrySafe = new("SellerPortal.RetrySafe");

    public static HttpRequestMessage For(this HttpRequestMessage request, ChannelAccountContext account, string operation, bool retrySafe = false)
    {
        request.Options.Set(Account, account);
        request.Options.Set(Operation, operation);
        request.Options.Set(RetrySafe, retrySafe || request.Method == HttpMethod.Get);
        return request;
    }
}
