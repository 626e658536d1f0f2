using System.Net;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// Where and how a channel takes its access token, and how it says a token was refused: the hooks the one token
/// handler needs for eBay (<c>Authorization: Bearer</c>, 401) and Amazon (<c>x-amz-access-token</c> with
/// <c>x-amz-date</c>, 401 or a 403 that names the token).
/// </summary>
public sealed record AccessTokenPlacement(string HeaderName = "Authorization", string? Scheme = "Bearer")
{
    /// <summary>Refuse a request that names no account instead of sending it without a token (a wiring mistake).</summary>
    public string? UntaggedRequestError { get; init; }

    /// <summary>Headers to set afresh on every attempt beside the token (Amazon's x-amz-date).</summary>
    public Action<HttpRequestMessage>? Stamp { get; init; }

    /// <summary>Whether the answer refuses the token itself, so one refresh and resend is worth it. Default: 401.</summary>
    public Func<HttpResponseMessage, CancellationToken, Task<bool>> IsTokenRejected { get; init; } =
        (response, _) => Task.FromResult(response.StatusCode == HttpStatusCode.Unauthorized);
}

/// <summary>
/// The one handler for channels that take a plain access token in a header (eBay, Amazon, and Etsy or Shopify next).
/// Inner to the shared pipeline, so every attempt carries the current token; when the channel refuses the token it
/// refreshes once (<see cref="IAccessTokenSource.RefreshAfterRejectionAsync"/>) and sends again. Requests without an
/// account (token endpoints) pass through untouched unless the placement refuses them. Channels that sign requests
/// (TikTok Shop) write their own handler instead.
/// </summary>
public sealed class ChannelBearerTokenMessageHandler(IAccessTokenSource tokens, AccessTokenPlacement placement) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ChannelRequestOptions.Account, out var account))
        {
            return placement.UntaggedRequestError is { } error
                ? throw new InvalidOperationException(error)
                : await base.SendAsync(request, cancellationToken);
        }

        var token = await tokens.GetAccessTokenAsync(account, cancellationToken);
        Apply(request, token);
        var response = await base.SendAsync(request, cancellationToken);
        if (!await placement.IsTokenRejected(response, cancellationToken))
        {
            return response;
        }

        response.Dispose();
        var fresh = await tokens.RefreshAfterRejectionAsync(account, token, cancellationToken);
        Apply(request, fresh);
        return await base.SendAsync(request, cancellationToken);
    }

    private void Apply(HttpRequestMessage request, string token)
    {
        request.Headers.Remove(placement.HeaderName);
        request.Headers.TryAddWithoutValidation(placement.HeaderName, placement.Scheme is null ? token : $"{placement.Scheme} {token}");
        placement.Stamp?.Invoke(request);
    }
}
