using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>One marketplace on the Channels page. No secrets: built from a projection that never reads credentials.</summary>
/// <param name="ShopPrompt">Set where Connect first asks which shop (Shopify).</param>
public sealed record ChannelCardModel(
    ChannelKind Channel, string Name, bool Available, IReadOnlyList<ChannelAccountView> Accounts, ConnectShopPrompt? ShopPrompt = null);

public sealed record ChannelAccountView(
    int Id,
    ChannelKind Channel,
    string DisplayName,
    string? ShopName,
    ChannelEnvironment Environment,
    ChannelAccountStatus Status,
    DateTime? AccessTokenExpiresUtc,
    DateTime? LastSuccessfulCallUtc,
    string? LastError,
    string? ShopId = null);

/// <summary>What the Channels page shows and does: the accounts per marketplace, test connection, and (Admins) disconnect.</summary>
public sealed class ChannelAccountsService(
    IDbContextFactory<AppDbContext> contexts,
    ChannelRegistry channels,
    ChannelTokenService tokens,
    AuditLog audit,
    ILogger<ChannelAccountsService> logger)
{
    public async Task<IReadOnlyList<ChannelCardModel>> GetCardsAsync(CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var accounts = await db.ChannelAccounts.AsNoTracking()
            .OrderBy(a => a.DisplayName)
            .Select(a => new ChannelAccountView(
                a.Id, a.Channel, a.DisplayName, a.ShopName, a.Environment, a.Status,
                a.AccessTokenExpiresUtc, a.LastSuccessfulCallUtc, a.LastError, a.ShopId))
            .ToListAsync(ct);
        return
        [
            .. channels.InDisplayOrder.Select(channel => new ChannelCardModel(
                channel.Kind,
                channel.DisplayName,
                channels.Authorization(channel.Kind) is not null,
                [.. accounts.Where(a => a.Channel == channel.Kind)],
                channel.ConnectAsksForShop)),
        ];
    }

    /// <summary>Forgets the account's credentials (the seller can also revoke the app on the marketplace) and keeps its history.</summary>
    public async Task<bool> DisconnectAsync(int accountId, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "disconnect a marketplace account");
        await using var db = await contexts.CreateDbContextAsync(ct);
        var account = await db.ChannelAccounts.SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (account is null)
        {
            return false;
        }

        account.Status = ChannelAccountStatus.Disconnected;
        ChannelCredentialStore.Clear(account);
        await db.SaveChangesAsync(ct);
        tokens.Forget(accountId);
        await audit.RecordAsync(actor.UserId, actor.UserName, "channel.disconnected",
            $"{ChannelNames.Display(account.Channel)}: {account.DisplayName}", $"account {accountId}", ct);
        return true;
    }

    /// <summary>Runs the channel's cheap authenticated call. Failures come back as a sentence; the detail goes to the log.</summary>
    public async Task<ConnectionTestResult> TestConnectionAsync(int accountId, CancellationToken ct)
    {
        var account = await ChannelAccountContexts.LoadAsync(contexts, accountId, ct);
        if (account is null)
        {
            return new(false, "This account no longer exists.");
        }

        var connector = channels.Connector(account.Channel);
        if (connector is null)
        {
            return new(false, $"{ChannelNames.Display(account.Channel)} cannot be tested yet.");
        }

        try
        {
            return await connector.TestConnectionAsync(account, ct);
        }
        catch (ChannelAuthException ex) when (ex.RequiresReauthorization)
        {
            return new(false, $"{ChannelNames.Display(account.Channel)} no longer accepts this account's authorization. Reconnect it.");
        }
        catch (ChannelException ex)
        {
            logger.LogWarning(ex, "Connection test of {Channel} account {AccountId} failed ({ErrorCode}, request {RequestId}).",
                account.Channel, accountId, ex.ErrorCode, ex.RequestId);
            return new(false, ex.Message);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogError(ex, "Connection test of {Channel} account {AccountId} failed unexpectedly.", account.Channel, accountId);
            return new(false, "The test failed unexpectedly. The details are in the application log.");
        }
    }
}
