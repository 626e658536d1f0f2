
namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// What a marketplace can do, in the merchant's words. One implementation per channel in
/// <c>Integrations/&lt;Channel&gt;</c>; features depend on this contract only, never on a concrete client.
/// A channel declares what it supports in <see cref="Capabilities"/>; callers ask it instead of catching
/// <see cref="NotSupportedException"/>. Every failure at the wire surfaces as a <see cref="ChannelException"/>.
/// </summary>
public interface IChannelConnector
{
    ChannelKind Channel { get; }

    ChannelCapabilities Capabilities { get; }

    /// <summary>A cheap authenticated call that proves the account works.</summary>
    Task<ConnectionTestResult> TestConnectionAsync(ChannelAccountContext account, CancellationToken ct);

    /// <summary>The listings as the channel holds them, one page at a time (cursor paging).</summary>
    Task<Page<ChannelListingSnapshot>> ListListingsAsync(ChannelAccountContext account, string? cursor, CancellationToken ct);

    Task<ListingResult> CreateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct);

    Task<ListingResult> UpdateListingAsync(ChannelAccountContext account, ListingDraft draft, CancellationToken ct);

    /// <summary>Deactivates or deletes the listing, as the channel does it.</summary>
    Task UnpublishListingAsync(ChannelAccountContext account, ListingRef listing, CancellationToken ct);

    /// <summary>
    /// Sets available quantity for one or many SKUs, using the channel's own batch endpoint and batch size
    /// (<see cref="ChannelCapabilities.InventoryBatchSize"/>). One result per SKU, in any order.
    /// </summary>
    Task<IReadOnlyList<SkuUpdateResult>> UpdateInventoryAsync(ChannelAccountContext account, IReadOnlyList<SkuQuantity> items, CancellationToken ct);

    /// <summary>Sets price for one or many SKUs, batched as the channel allows. One result per SKU.</summary>
    Task<IReadOnlyList<SkuUpdateResult>> UpdatePricesAsync(ChannelAccountContext account, IReadOnlyList<SkuPrice> items, CancellationToken ct);

    /// <summary>Orders changed since the watermark, one page at a time.</summary>
    Task<Page<ChannelOrder>> ListOrdersAsync(ChannelAccountContext account, OrderQuery query, CancellationToken ct);

    /// <summary>One order, or null when the channel does not know it.</summary>
    Task<ChannelOrder?> GetOrderAsync(ChannelAccountContext account, string externalOrderId, CancellationToken ct);

    /// <summary>Pushes carrier and tracking for an order (all lines unless the shipment names some).</summary>
    Task MarkShippedAsync(ChannelAccountContext account, Shipment shipment, CancellationToken ct);
}

/// <summary>
/// How a channel's account is connected: builds the consent URL, exchanges the code, refreshes tokens.
/// The shared connect flow (state, callback, storage) lives in <c>Integrations/Common</c>.
/// </summary>
public interface IChannelAuthorization
{
    ChannelKind Channel { get; }

    /// <summary>The channel's consent page for this state and callback.</summary>
    Uri BuildAuthorizeUrl(AuthorizeRequest request);

    /// <summary>Exchanges the callback's code for tokens and discovers the shop(s) the consent covers.</summary>
    Task<ConnectedAccount> CompleteAsync(AuthorizationCallback callback, CancellationToken ct);

    /// <summary>
    /// Trades the refresh token for a new access token. Throws <see cref="ChannelAuthException"/> with
    /// <see cref="ChannelAuthException.RequiresReauthorization"/> when the refresh token is revoked or expired.
    /// </summary>
    Task<TokenSet> RefreshAsync(ChannelAccountContext account, TokenSet current, CancellationToken ct);
}

/// <summary>Checks a webhook's signature before anything is parsed, then says what it asks of us.</summary>
public interface IChannelWebhookVerifier
{
    ChannelKind Channel { get; }

    WebhookVerification Verify(WebhookRequest request);

    /// <summary>The check as the intake runs it; a verifier that may need a network call (eBay's keys) does it here.</summary>
    ValueTask<WebhookVerification> VerifyAsync(WebhookRequest request, CancellationToken ct) => ValueTask.FromResult(Verify(request));
}

/// <summary>Hands a connector the current access token of an account, refreshing ahead of expiry (single-flight).</summary>
public interface IAccessTokenSource
{
    Task<string> GetAccessTokenAsync(ChannelAccountContext account, CancellationToken ct);

    /// <summary>After a 401: refresh once unless another caller already replaced <paramref name="rejectedToken"/>.</summary>
    Task<string> RefreshAfterRejectionAsync(ChannelAccountContext account, string rejectedToken, CancellationToken ct);
}

/// <summary>
/// A channel whose private apps are connected with a refresh token the seller copies from the channel's own console
/// (Amazon's self-authorization), instead of the consent page. Optional: the Channels page offers it where registered.
/// </summary>
public interface IRefreshTokenConnect
{
    ChannelKind Channel { get; }

    /// <summary>Tries the token at once, so a typo fails here and not at the first sync.</summary>
    Task<ConnectedAccount> ConnectWithRefreshTokenAsync(string refreshToken, string sellerId, string? region, CancellationToken ct);
}
