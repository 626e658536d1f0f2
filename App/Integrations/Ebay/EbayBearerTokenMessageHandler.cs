using System.Net;
using System.Net.Http.Headers;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// Puts the account's user access token in <c>Authorization: Bearer</c> on every attempt. Registered inside the shared
/// resilience pipeline, so each retry asks for the token again. On a 401 (eBay's errorId 1001, "Invalid access token")
/// it refreshes once and resends.
/// </summary>
public sealed class EbayBearerTokenMessageHandler(IAccessTokenSource tokens) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ChannelRequestOptions.Account, out var account))
        {
            throw new InvalidOperationException("eBay requests must be tagged with ChannelRequestOptions.For(account, operation).");
        }

        var token = await tokens.GetAccessTokenAsync(account, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return response;
        }

        response.Dispose();
        var fresh = await tokens.RefreshAfterRejectionAsync(account, token, cancellationToken);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fresh);
        return await base.SendAsync(request, cancellationToken);
    }
}
