using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>Where the connect flow sends the browser next: the channel's consent page or back to /channels with a message.</summary>
public sealed record ConnectOutcome(string RedirectTo, bool Connected = false);

/// <summary>
/// The shared OAuth connect flow of every channel: a state bound to the user, the channel's consent page, and on the
/// way back state first, then consent, then the code exchange, then one transaction that creates or updates one
/// <see cref="ChannelAccount"/> per shop with its encrypted tokens. Anything wrong stores nothing.
/// </summary>
public sealed class ChannelConnectFlow(
    ChannelRegistry channels,
    OAuthStateService states,
    ChannelCredentialStore credentials,
    ChannelTokenService tokens,
    PendingConnections pending,
    IDbContextFactory<AppDbContext> contexts,
    AuditLog audit,
    TimeProvider clock,
    ILogger<ChannelConnectFlow> logger)
{
    /// <param name="shop">The shop staff named, where the channel asks for one (<see cref="ChannelDescriptor.ConnectAsksForShop"/>).</param>
    public async Task<ConnectOutcome> StartAsync(
        ChannelKind channel, Actor actor, ChannelEnvironment environment, string? region, Uri redirectUri, CancellationToken ct, string? shop = null)
    {
        AdminOnly.Demand(actor, "connect a marketplace account");
        var userId = actor.UserId ?? throw new ArgumentException("A signed-in user starts a connection.", nameof(actor));
        var authorization = channels.Authorization(channel);
        if (authorization is null)
        {
            return Failed($"{ChannelNames.Display(channel)} cannot be connected yet.");
        }

        if (channels.Describe(channel).ConnectAsksForShop is { } prompt)
        {
            if (prompt.Check(shop) is { } refusal)
            {
                return Failed(refusal);
            }

            shop = ConnectShopPrompt.Normalise(shop);
        }
        else
        {
            shop = null;
        }

        var state = await states.IssueAsync(userId, channel, environment, region, ct, shop);
        var url = authorization.BuildAuthorizeUrl(new AuthorizeRequest(state, redirectUri, environment, region, shop));
        return new ConnectOutcome(url.ToString());
    }

    public async Task<ConnectOutcome> CompleteAsync(
        ChannelKind channel, Actor actor, IReadOnlyDictionary<string, string> query, Uri redirectUri, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "connect a marketplace account");
        var userId = actor.UserId ?? throw new ArgumentException("A signed-in user completes a connection.", nameof(actor));
        var name = ChannelNames.Display(channel);
        var authorization = channels.Authorization(channel);
        if (authorization is null)
        {
            return Failed($"{name} cannot be connected yet.");
        }

        // State first: nothing else in the request is trusted until we know we started this.
        var check = await states.ConsumeAsync(query.GetValueOrDefault("state"), userId, channel, ct);
        if (!check.Ok)
        {
            logger.LogWarning("Refused a {Channel} OAuth callback: {Reason}", channel, check.Error);
            return Failed(check.Error!);
        }

        if (query.TryGetValue("error", out var denied))
        {
            logger.LogInformation("{Channel} consent was not given: {Error}", channel, denied);
            return Failed($"Access was not granted on {name}, so nothing was connected. Try again and choose Authorize.");
        }

        ConnectedAccount connected;
        try
        {
            connected = await authorization.CompleteAsync(new AuthorizationCallback(query, redirectUri, check.Environment, check.Region, check.Shop), ct);
        }
        catch (ChannelException ex)
        {
            logger.LogWarning(ex, "{Channel} code exchange failed ({ErrorCode}, request {RequestId}).", channel, ex.ErrorCode, ex.RequestId);
            return Failed($"{name} did not complete the connection: {ex.Message}");
        }

        if (connected.Shops.Count == 0)
        {
            return Failed($"{name} granted access but reported no shops for this seller.");
        }

        // A seller already connected here keeps its tokens until an Admin says the new ones replace them.
        if (await ConnectedAlreadyAsync(channel, check.Environment, connected, ct) is { Count: > 0 } already)
        {
            var token = await pending.HoldAsync(userId, channel, check.Environment, connected, already, ct);
            logger.LogInformation("A {Channel} consent for {Accounts}, already connected, waits for an Admin's confirmation.", channel, string.Join(", ", already));
            return new ConnectOutcome($"/channels?confirm={Uri.EscapeDataString(token)}");
        }

        var shopNames = await SaveAsync(channel, check.Environment, connected, actor, $"{connected.Shops.Count} shop(s), {check.Environment}", ct);
        return new ConnectOutcome($"/channels?connected={Uri.EscapeDataString(shopNames)}", Connected: true);
    }

    /// <summary>The question for a held consent (<see cref="CompleteAsync"/> sent the browser back with it), or null.</summary>
    public async Task<PendingConnectionQuestion?> PendingAsync(string? confirmation, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "connect a marketplace account");
        return actor.UserId is { } userId ? await pending.DescribeAsync(confirmation, userId, ct) : null;
    }

    /// <summary>
    /// An Admin's answer to a held consent: yes replaces the connected accounts' tokens (settings kept), no forgets the
    /// consent. Either way the answer is a sentence for the Channels page.
    /// </summary>
    public async Task<ConnectResult> AnswerPendingAsync(string? confirmation, bool replace, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "connect a marketplace account");
        var userId = actor.UserId ?? throw new ArgumentException("A signed-in user answers a held connection.", nameof(actor));
        if (!replace)
        {
            if (await pending.DiscardAsync(confirmation, userId, ct) is { } declined)
            {
                await audit.RecordAsync(actor.UserId, actor.UserName, "channel.connect-declined",
                    $"{ChannelNames.Display(declined.Channel)}: {declined.Replaces}", "the held tokens were forgotten; the account keeps its own", ct);
            }

            return new(false, "Nothing was replaced: the account keeps the tokens it had.");
        }

        if (await pending.TakeAsync(confirmation, userId, ct) is not { } held)
        {
            return new(false, "That confirmation has expired or was already answered. Start the connection again from the Channels page.");
        }

        return new(true, $"Connected {await SaveAsync(held.Channel, held.Environment, held.Connected, actor, $"{held.Environment}, tokens replaced", ct)}.");
    }

    /// <summary>Saves the consent's accounts, forgets their cached tokens and audits it; returns the shops' names.</summary>
    private async Task<string> SaveAsync(
        ChannelKind channel, ChannelEnvironment environment, ConnectedAccount connected, Actor actor, string detail, CancellationToken ct)
    {
        var saved = await SaveAccountsAsync(channel, environment, connected, ct);
        foreach (var id in saved)
        {
            tokens.Forget(id);
        }

        var shopNames = string.Join(", ", connected.Shops.Select(s => s.Name));
        await audit.RecordAsync(actor.UserId, actor.UserName, "channel.connected", $"{ChannelNames.Display(channel)}: {shopNames}",
            $"{detail}, accounts {string.Join(", ", saved)}", ct);
        return shopNames;
    }

    /// <summary>
    /// Connects with a refresh token the seller copied from the channel (self-authorization). Nothing is stored unless
    /// the channel accepts the token; the answer is a sentence for the Channels page. When the token belongs to a
    /// seller already connected here, its tokens are replaced only once an Admin confirms (<paramref name="replaceExisting"/>).
    /// </summary>
    public async Task<ConnectResult> ConnectWithRefreshTokenAsync(
        IRefreshTokenConnect connect, ChannelEnvironment environment, string refreshToken, string sellerId, string? region,
        Actor actor, CancellationToken ct, bool replaceExisting = false)
    {
        AdminOnly.Demand(actor, "connect a marketplace account");
        var name = ChannelNames.Display(connect.Channel);
        if (string.IsNullOrWhiteSpace(refreshToken) || string.IsNullOrWhiteSpace(sellerId))
        {
            return new(false, "Give both the refresh token and the seller id.");
        }

        ConnectedAccount connected;
        try
        {
            connected = await connect.ConnectWithRefreshTokenAsync(refreshToken.Trim(), sellerId.Trim(), region, ct);
        }
        catch (ChannelException ex)
        {
            logger.LogWarning("{Channel} refused a self-authorized refresh token ({ErrorCode}, request {RequestId}).", connect.Channel, ex.ErrorCode, ex.RequestId);
            return new(false, $"{name} did not accept that refresh token: {ex.Message}");
        }

        if (!replaceExisting && await ConnectedAlreadyAsync(connect.Channel, environment, connected, ct) is { Count: > 0 } already)
        {
            return new(false,
                $"{string.Join(", ", already)} is already connected. Connecting again replaces its tokens: confirm to go on.",
                NeedsConfirmation: true);
        }

        var shopNames = await SaveAsync(connect.Channel, environment, connected, actor,
            $"self-authorized refresh token, {environment}{(replaceExisting ? ", tokens replaced" : "")}", ct);
        return new(true, $"Connected {shopNames}.");
    }

    /// <summary>
    /// The accounts of this consent that hold working tokens now (connected, or connected with a recent error). One
    /// that needs re-authorization or was disconnected is reconnected without a question: that is what Reconnect is for.
    /// </summary>
    private async Task<List<string>> ConnectedAlreadyAsync(ChannelKind channel, ChannelEnvironment environment, ConnectedAccount connected, CancellationToken ct)
    {
        var shops = connected.Shops.Select(s => s.ShopId).ToList();
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.ChannelAccounts.AsNoTracking()
            .Where(a => a.Channel == channel && a.Environment == environment && a.ShopId != null && shops.Contains(a.ShopId)
                && (a.Status == ChannelAccountStatus.Connected || a.Status == ChannelAccountStatus.Error))
            .Select(a => a.DisplayName)
            .ToListAsync(ct);
    }

    private async Task<IReadOnlyList<int>> SaveAccountsAsync(
        ChannelKind channel, ChannelEnvironment environment, ConnectedAccount connected, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var accounts = new List<ChannelAccount>();
        foreach (var shop in connected.Shops)
        {
            var account = await db.ChannelAccounts.FirstOrDefaultAsync(
                a => a.Channel == channel && a.ShopId == shop.ShopId && a.Environment == environment, ct);
            if (account is null && shop.FormerShopId is { } former)
            {
                // Stored under an older key: the same shop, now keyed by its real id.
                account = await db.ChannelAccounts.FirstOrDefaultAsync(
                    a => a.Channel == channel && a.ShopId == former && a.Environment == environment, ct);
            }
            if (account is null)
            {
                account = new ChannelAccount { Channel = channel, DisplayName = shop.Name, Environment = environment, CreatedUtc = now };
                db.ChannelAccounts.Add(account);
            }

            account.DisplayName = shop.Name;
            account.ShopId = shop.ShopId;
            account.ShopName = shop.Name;
            account.SellerId = connected.SellerId;
            account.Region = shop.Region;
            // Reconnecting replaces what the channel reports (a new shop cipher) and keeps the settings staff made.
            account.PropertiesJson = ChannelAccountContexts.MergeProperties(account.PropertiesJson, shop.Properties);
            account.Status = ChannelAccountStatus.Connected;
            account.LastError = null;
            // Keep secrets other than tokens (an API key entered earlier) when reconnecting.
            var existing = account.EncryptedCredentials is null ? null : credentials.Read(account);
            credentials.Write(account, existing?.WithTokens(connected.Tokens) ?? ChannelCredentials.FromTokens(connected.Tokens));
            accounts.Add(account);
        }

        await db.SaveChangesAsync(ct);
        await transaction.CommitAsync(ct);
        return [.. accounts.Select(a => a.Id)];
    }

    private static ConnectOutcome Failed(string message) => new($"/channels?error={Uri.EscapeDataString(message)}");
}

/// <summary>What a connection (refresh token, or a held OAuth consent answered) did: connected, refused with a reason, or waiting for an Admin's confirmation.</summary>
public sealed record ConnectResult(bool Connected, string Message, bool NeedsConfirmation = false)
{
    public void Deconstruct(out bool connected, out string message) => (connected, message) = (Connected, Message);
}
