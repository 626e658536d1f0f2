using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay.Dto;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// eBay's notification public keys by kid, fetched once with an application token from
/// <c>GET /commerce/notification/v1/public_key/{kid}</c> and cached (ebay.md, "Marketplace account deletion").
/// Synchronous because <see cref="IChannelWebhookVerifier.Verify"/> is; it uses HttpClient's own synchronous Send.
/// </summary>
public sealed class EbayNotificationKeys(IHttpClientFactory clients, EbayAuthorization authorization, IOptions<EbayOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, EbayPublicKey> keys = new(StringComparer.Ordinal);
    private readonly Lock tokenLock = new();
    private (string Token, DateTimeOffset Expires)? appToken;

    public EbayPublicKey Get(string kid)
    {
        if (keys.TryGetValue(kid, out var cached))
        {
            return cached;
        }

        var environment = options.Value.AccountDeletion.KeyEnvironment;
        var baseUrl = options.Value.For(environment).ApiBaseUrl.ToString().TrimEnd('/');
        using var request = new HttpRequestMessage(HttpMethod.Get, $"{baseUrl}/commerce/notification/v1/public_key/{Uri.EscapeDataString(kid)}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", ApplicationToken(environment));
        using var response = clients.CreateClient(EbayAuthorization.OAuthClientName).Send(request);
        var body = Read(response);
        if (!response.IsSuccessStatusCode)
        {
            throw EbayErrors.FromBody(response.StatusCode, body, null, "getPublicKey");
        }

        var key = JsonSerializer.Deserialize<EbayPublicKey>(body, EbayJson.Options)
            ?? throw new ChannelServerException(ChannelKind.Ebay, "eBay answered the public key call without a body.");
        keys[kid] = key;
        return key;
    }

    private string ApplicationToken(ChannelEnvironment environment)
    {
        lock (tokenLock)
        {
            if (appToken is { } t && t.Expires > time.GetUtcNow().AddMinutes(5))
            {
                return t.Token;
            }

            using var request = authorization.BuildApplicationTokenRequest(environment);
            using var response = clients.CreateClient(EbayAuthorization.OAuthClientName).Send(request);
            var body = Read(response);
            var token = response.IsSuccessStatusCode ? JsonSerializer.Deserialize<EbayTokenResponse>(body) : null;
            if (token?.AccessToken is null)
            {
                throw new ChannelAuthException(ChannelKind.Ebay, $"eBay refused the application token (HTTP {(int)response.StatusCode}).",
                    httpStatus: (int)response.StatusCode);
            }

            appToken = (token.AccessToken, time.GetUtcNow().AddSeconds(token.ExpiresIn));
            return token.AccessToken;
        }
    }

    private static string Read(HttpResponseMessage response)
    {
        using var reader = new StreamReader(response.Content.ReadAsStream());
        return reader.ReadToEnd();
    }
}
