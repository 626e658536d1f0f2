using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.TikTokShop.Dto;

namespace SellerPortal.Integrations.TikTokShop;

/// <summary>
/// Adds TikTok's common parameters (app_key, timestamp, shop_cipher), the access token header and the sign to every
/// request. It sits inside the resilience handler, so every attempt is signed again with a fresh timestamp and the
/// current token. On an access-token rejection it refreshes once and resends.
/// </summary>
public sealed class TikTokShopSigningMessageHandler(
    IAccessTokenSource tokens,
    IOptionsMonitor<TikTokShopOptions> options,
    TimeProvider time) : DelegatingHandler
{
    public const string AccessTokenHeader = "x-tts-access-token";
    public const string ShopCipherProperty = "shop_cipher";

    /// <summary>
    /// A token to use instead of <see cref="IAccessTokenSource"/>: while connecting, the new token is not stored yet.
    /// </summary>
    public static readonly HttpRequestOptionsKey<string> AccessTokenOverride = new("TikTokShop.AccessToken");

    private static readonly string[] CommonParameters = ["app_key", "timestamp", "sign", "shop_cipher", "access_token"];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        if (!request.Options.TryGetValue(ChannelRequestOptions.Account, out var account))
        {
            throw new InvalidOperationException("TikTok Shop requests need ChannelRequestOptions.For(account, …).");
        }

        var fixedToken = request.Options.TryGetValue(AccessTokenOverride, out var t) ? t : null;
        var token = fixedToken ?? await tokens.GetAccessTokenAsync(account, cancellationToken);
        await SignAsync(request, account, token, cancellationToken);
        var response = await base.SendAsync(request, cancellationToken);
        if (fixedToken is not null || !await IsRejectedTokenAsync(response, cancellationToken))
        {
            return response;
        }

        response.Dispose();
        token = await tokens.RefreshAfterRejectionAsync(account, token, cancellationToken);
        await SignAsync(request, account, token, cancellationToken);
        return await base.SendAsync(request, cancellationToken);
    }

    private async Task SignAsync(HttpRequestMessage request, ChannelAccountContext account, string token, CancellationToken ct)
    {
        var settings = options.CurrentValue;
        var uri = request.RequestUri ?? throw new InvalidOperationException("The request has no URI.");
        var query = QueryHelpers.ParseQuery(uri.Query)
            .Where(p => !CommonParameters.Contains(p.Key))
            .ToDictionary(p => p.Key, p => p.Value.ToString(), StringComparer.Ordinal);
        var path = uri.AbsolutePath;
        var basePath = settings.ApiBasePath;
        if (basePath.Length > 0 && path.StartsWith(basePath, StringComparison.Ordinal))
        {
            path = path[basePath.Length..];
        }

        query["app_key"] = settings.AppKey;
        query["timestamp"] = time.GetUtcNow().ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Authorization calls and the image upload refuse a shop_cipher (36009004); every other call is shop-scoped.
        var cipher = account.Property(ShopCipherProperty);
        if (cipher is not null && !IsAppScoped(path))
        {
            query["shop_cipher"] = cipher;
        }

        // Sign exactly the bytes we send; multipart bodies are left out of the sign.
        string? body = null;
        if (request.Content is not null && request.Content.Headers.ContentType?.MediaType != "multipart/form-data")
        {
            body = await request.Content.ReadAsStringAsync(ct);
        }

        query["sign"] = TikTokShopSigner.Sign(path, query, body, settings.AppSecret);
        var builder = new UriBuilder(uri) { Query = string.Join('&', query.Select(p => $"{Uri.EscapeDataString(p.Key)}={Uri.EscapeDataString(p.Value)}")) };
        request.RequestUri = builder.Uri;
        request.Headers.Remove(AccessTokenHeader);
        request.Headers.TryAddWithoutValidation(AccessTokenHeader, token);
    }

    private static bool IsAppScoped(string path) =>
        path.StartsWith("/authorization/", StringComparison.Ordinal) || path == "/" + TikTokShopClient.ImageUploadPath;

    private static async Task<bool> IsRejectedTokenAsync(HttpResponseMessage response, CancellationToken ct)
    {
        if (response.StatusCode != HttpStatusCode.Unauthorized)
        {
            return false;
        }

        await response.Content.LoadIntoBufferAsync(ct);
        try
        {
            var envelope = JsonSerializer.Deserialize<TikTokEnvelope<JsonElement>>(await response.Content.ReadAsStringAsync(ct), TikTokJson.Options);
            return envelope is not null && TikTokShopErrors.IsRejectedAccessToken(envelope.Code);
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
