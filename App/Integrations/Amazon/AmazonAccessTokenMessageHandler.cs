using System.Net;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Amazon;

/// <summary>
/// Puts the account's LWA access token in <c>x-amz-access-token</c> on every attempt (SP-API needs no SigV4 since
/// October 2023). Registered inside the shared resilience pipeline, so every retry asks for the token again. When the
/// token is rejected it refreshes once and resends: SP-API answers a bad or expired token with 403 <c>Unauthorized</c>
/// (amazon-sp-api.md, "Errors and limits"), some gateways with 401, so both count.
/// </summary>
public sealed class AmazonAccessTokenMessageHandler(IAccessTokenSource tokens, TimeProvider time) : DelegatingHandler
{
    public const string HeaderName = "x-amz-access-token";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ChannelRequestOptions.Account, out var account))
        {
            throw new InvalidOperationException("Amazon requests must be tagged with ChannelRequestOptions.For(account, operation).");
        }

        var token = await tokens.GetAccessTokenAsync(account, cancellationToken);
        Apply(request, token);
        var response = await base.SendAsync(request, cancellationToken);
        if (!await IsTokenRejectedAsync(response, cancellationToken))
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
        request.Headers.Remove(HeaderName);
        request.Headers.TryAddWithoutValidation(HeaderName, token);
        request.Headers.Remove("x-amz-date");
        request.Headers.TryAddWithoutValidation("x-amz-date", time.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture));
    }

    private static async Task<bool> IsTokenRejectedAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode == HttpStatusCode.Unauthorized)
        {
            return true;
        }

        if (response.StatusCode != HttpStatusCode.Forbidden)
        {
            return false;
        }

        // A 403 may also mean a missing role; only a token complaint is worth a refresh.
        await response.Content.LoadIntoBufferAsync(ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        return body.Contains("access token", StringComparison.OrdinalIgnoreCase);
    }
}
