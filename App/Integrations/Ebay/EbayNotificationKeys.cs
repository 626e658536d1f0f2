using System.Collections.Concurrent;
using System.Net.Http.Headers;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Ebay.Dto;

namespace SellerPortal.Integrations.Ebay;

/// <summary>
/// eBay's notification public keys by kid, fetched once with an application token from
/// <c>GET /commerce/notification/v1/public_key/{kid}</c> and cached for the process (ebay.md, "Marketplace account
/// deletion"). Anyone can post a notification naming any kid, so <see cref="FindAsync"/> guards the outbound call:
/// a kid that is not a UUID (eBay's form) is refused without one, one fetch per kid runs at a time and waits at most
/// <see cref="EbayAccountDeletionOptions.KeyFetchTimeout"/>, and a kid eBay did not hand over is not asked for again
/// for <see cref="EbayAccountDeletionOptions.KeyFailureCacheDuration"/>.
/// </summary>
public sealed class EbayNotificationKeys(IHttpClientFactory clients, EbayAuthorization authorization, IOptions<EbayOptions> options, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, EbayPublicKey> keys = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, Lazy<Task<EbayPublicKey?>>> fetching = new(StringComparer.Ordinal);
    private readonly ConcurrentDictionary<string, DateTimeOffset> failedUntil = new(StringComparer.Ordinal);
    private readonly SemaphoreSlim gate = new(1, 1);
    private (string Token, DateTimeOffset Expires)? appToken;

    /// <summary>Whether <paramref name="kid"/> has the form of an eBay key id (a UUID), so it is worth a call.</summary>
    public static bool IsKeyIdForm(string kid) => Guid.TryParseExact(kid, "D", out _);

    /// <summary>
    /// The key, or null when it cannot be had now: a kid of the wrong form, one that failed lately, or eBay not
    /// answering in time. Never throws for those: the notification is simply refused.
    /// </summary>
    public async Task<EbayPublicKey?> FindAsync(string kid, CancellationToken ct)
    {
        if (keys.TryGetValue(kid, out var cached))
        {
            return cached;
        }

        if (!IsKeyIdForm(kid) || (failedUntil.TryGetValue(kid, out var until) && until > time.GetUtcNow()))
        {
            return null;
        }

        var fetch = fetching.GetOrAdd(kid, k => new Lazy<Task<EbayPublicKey?>>(() => FetchOnceAsync(k)));
        try
        {
            return await fetch.Value.WaitAsync(ct);
        }
        finally
        {
            fetching.TryRemove(new KeyValuePair<string, Lazy<Task<EbayPublicKey?>>>(kid, fetch));
        }
    }

    private async Task<EbayPublicKey?> FetchOnceAsync(string kid)
    {
        var settings = options.Value.AccountDeletion;
        using var timeout = new CancellationTokenSource(settings.KeyFetchTimeout, time);
        try
        {
            return await GetAsync(kid, timeout.Token);
        }
        catch (Exception ex) when (ex is ChannelException or HttpRequestException or OperationCanceledException or JsonException)
        {
            failedUntil[kid] = time.GetUtcNow() + settings.KeyFailureCacheDuration;
            return null;
        }
    }

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
