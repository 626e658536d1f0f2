using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// Outermost of the channel pipeline: waits for the operation's and the account's permits before the call (and its
/// retries) go out.
/// Requests without an account (token endpoints) share one app-wide bucket.
/// </summary>
public sealed class ChannelRateLimitMessageHandler(ChannelRateLimiters limiters, ChannelKind channel, ChannelRateLimits limits) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        request.Options.TryGetValue(ChannelRequestOptions.Account, out var account);
        request.Options.TryGetValue(ChannelRequestOptions.Operation, out var operation);
        using var lease = await limiters.AcquireAsync(channel, limits, account, operation, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }
}
