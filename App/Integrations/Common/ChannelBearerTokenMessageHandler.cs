using System.Net;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// For channels that take a plain access token in a header (eBay and Etsy: "Authorization: Bearer …",
/// Amazon: "x-amz-access-token"). Inner to the shared pipeline, so every attempt carries the current token; after a 401
/// it refreshes once (<see cref="IAccessTokenSource.RefreshAfterRejectionAsync"/>) and sends again. Requests without an
/// account (token endpoints) pass through untouched. Channels that sign requests write their own handler instead.
/// </summary>
public sealed class ChannelBearerTokenMessageHandler(IAccessTokenSource tokens, string headerName, string? scheme) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ChannelRequestOptions.Account, out var account))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var token = await tokens.GetAccessTokenAsync(account, cancellationToken);
        Apply(request, token);
        var response = await base.SendAsync(request, cancellationToken);
        if (response.StatusCode != HttpStatusCode.Unauthorized)
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
        request.Headers.Remove(headerName);
        request.Headers.TryAddWithoutValidation(headerName, scheme is null ? token : $"{scheme} {token}");
    }
}
