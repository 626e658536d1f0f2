using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay.Dto;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// eBay's notification public keys by kid, fetched once with an application token from
/// <c>GET /commerce/notification/v1/public_key/{kid}</c> and cached for the process (ebay.md, "Marketplace account
/// deletion"). <see cref="IChannelWebhookVerifier.Verify"/> is synchronous, so <see cref="Get"/> blocks on the first
/// fetch of a kid; eBay rotates keys rarely, so that happens about once per process. <see cref="GetAsync"/> can warm it.
/// </summary>
public sealed class EbayNotificationKeys(IHttpClientFactory clients, EbayAuthorization authorization, IOptions<EbayOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, EbayPublicKey> keys = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset Expires)? appToken;

    public EbayPublicKey Get(string kid) =>
        keys.TryGetValue(kid, out var cached) ? cached : Task.Run(() => GetAsync(kid, CancellationToken.None)).GetAwaiter().GetResult();

    public async Task<EbayPublicKey> GetAsync(string kid, CancellationToken ct)
    {
        if (keys.TryGetValue(kid, out var cached))
        {
            return cached;
        }

        var environment = options.Value.AccountDeletion.KeyEnvironment;
        var baseUrl = options.Value.For(environment).ApiBaseUrl.ToString().TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/commerce/notification/v1/public_key/{Uri.EscapeDataString(kid)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await ApplicationTokenAsync(environment, ct));
        using var response = await clients.CreateClient(EbayAuthorization.OAuthClientName).SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            throw await EbayErrors.FromResponseAsync(response, "getPublicKey", ct);
        }

        var key = await response.Content.ReadFromJsonAsync<EbayPublicKey>(EbayJson.Options, ct)
            ?? throw new ChannelServerException(ChannelKind.Ebay, "eBay answered the public key call without a body.");
        keys[kid] = key;
        return key;
    }

    private async Task<string> ApplicationTokenAsync(ChannelEnvironment environment, CancellationToken ct)
    {
        await gate.WaitAsync(ct);
        try
        {
            if (appToken is { } t && t.Expires > time.GetUtcNow().AddMinutes(5))
            {
                return t.Token;
            }

            using var request = authorization.BuildApplicationTokenRequest(environment);
            using var response = await clients.CreateClient(EbayAuthorization.OAuthClientName).SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            var token = response.IsSuccessStatusCode ? JsonSerializer.Deserialize<EbayTokenResponse>(body) : null;
            if (token?.AccessToken is null)
            {
                throw new ChannelAuthException(ChannelKind.Ebay, $"eBay refused the application token (HTTP {(int)response.StatusCode}).",
                    httpStatus: (int)response.StatusCode);
            }

            appToken = (token.AccessToken, time.GetUtcNow().AddSeconds(token.ExpiresIn));
            return token.AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }
}
