using System.Collections.Concurrent;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>
/// The token lifecycle of every OAuth channel in one place: hands out the cached access token, refreshes it
/// <see cref="RefreshAhead"/> before expiry and once after a 401, one refresh at a time per account (single-flight),
/// and persists the rotated refresh token with the new expiries in the same SaveChanges as the account update.
/// A refresh token the channel rejects for good marks the account NeedsReauth.
/// </summary>
public sealed class ChannelTokenService(
    IDbContextFactory<AppDbContext> contexts,
    ChannelCredentialStore store,
    ChannelRegistry channels,
    TimeProvider clock,
    ILogger<ChannelTokenService> logger) : IAccessTokenSource
{
    /// <summary>Refresh this long before the access token expires, so a call never leaves with a token about to lapse.</summary>
    public static readonly TimeSpan RefreshAhead = TimeSpan.FromMinutes(5);

    private readonly ConcurrentDictionary<int, TokenSet> cache = new();
    private readonly ConcurrentDictionary<int, SemaphoreSlim> gates = new();

    public async Task<string> GetAccessTokenAsync(ChannelAccountContext account, CancellationToken ct)
    {
        if (cache.TryGetValue(account.AccountId, out var cached) && !IsDue(cached))
        {
            return cached.AccessToken;
        }

        var gate = gates.GetOrAdd(account.AccountId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            // Double-check: whoever held the gate before us may have refreshed already.
            if (cache.TryGetValue(account.AccountId, out cached) && !IsDue(cached))
            {
                return cached.AccessToken;
            }

            var current = await LoadTokensAsync(account, ct);
            if (!IsDue(current))
            {
                cache[account.AccountId] = current;
                return current.AccessToken;
            }

            return (await RefreshAsync(account, current, ct)).AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    public async Task<string> RefreshAfterRejectionAsync(ChannelAccountContext account, string rejectedToken, CancellationToken ct)
    {
        var gate = gates.GetOrAdd(account.AccountId, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(ct);
        try
        {
            var current = await LoadTokensAsync(account, ct);
            if (!string.Equals(current.AccessToken, rejectedToken, StringComparison.Ordinal) && !IsDue(current))
            {
                // Another caller already replaced the rejected token.
                cache[account.AccountId] = current;
                return current.AccessToken;
            }

            return (await RefreshAsync(account, current, ct)).AccessToken;
        }
        finally
        {
            gate.Release();
        }
    }

    /// <summary>Drops the cached token of an account whose credentials changed elsewhere (reconnected, disconnected).</summary>
    public void Forget(int accountId) => cache.TryRemove(accountId, out _);

    private bool IsDue(TokenSet tokens) => tokens.AccessTokenExpiresUtc - clock.GetUtcNow().UtcDateTime <= RefreshAhead;

    private async Task<TokenSet> LoadTokensAsync(ChannelAccountContext account, CancellationToken ct)
    {
        var credentials = await store.LoadAsync(account.AccountId, ct);
        return credentials?.Tokens
            ?? throw new ChannelAuthException(account.Channel, "This account is not connected. Connect it again on the Channels page.",
                requiresReauthorization: true);
    }

    private async Task<TokenSet> RefreshAsync(ChannelAccountContext account, TokenSet current, CancellationToken ct)
    {
        var authorization = channels.Authorization(account.Channel)
            ?? throw new InvalidOperationException($"No IChannelAuthorization is registered for {account.Channel}.");
        if (current.RefreshToken is null)
        {
            await MarkNeedsReauthAsync(account.AccountId, "The access token expired and the channel gave no refresh token.", ct);
            throw new ChannelAuthException(account.Channel, "The access token expired and cannot be refreshed. Connect the account again.",
                requiresReauthorization: true);
        }

        TokenSet fresh;
        try
        {
            fresh = await authorization.RefreshAsync(account, current, ct);
        }
        catch (ChannelAuthException ex) when (ex.RequiresReauthorization)
        {
            // Another app instance (SQL Server, several nodes) may have rotated the refresh token under us:
            // then the stored one is newer and good, and the account is fine.
            var stored = (await store.LoadAsync(account.AccountId, ct))?.Tokens;
            if (stored is not null && stored.RefreshToken != current.RefreshToken && !IsDue(stored))
            {
                cache[account.AccountId] = stored;
                return stored;
            }

            logger.LogWarning("Refresh token of {Channel} account {AccountId} was rejected ({ErrorCode}); the account needs reconnecting.",
                account.Channel, account.AccountId, ex.ErrorCode);
            cache.TryRemove(account.AccountId, out _);
            await MarkNeedsReauthAsync(account.AccountId, ex.Message, ct);
            throw;
        }

        // Some channels rotate the refresh token, some keep it: never lose the one we have.
        if (fresh.RefreshToken is null)
        {
            fresh = fresh with { RefreshToken = current.RefreshToken, RefreshTokenExpiresUtc = current.RefreshTokenExpiresUtc };
        }

        if (!await SaveRefreshedAsync(account, fresh, ct))
        {
            // Disconnected (or reconnected with other tokens) while the channel answered: the answer is not written back.
            var stored = (await store.LoadAsync(account.AccountId, ct))?.Tokens;
            cache.TryRemove(account.AccountId, out _);
            if (stored is not null && !IsDue(stored))
            {
                cache[account.AccountId] = stored;
                return stored;
            }

            logger.LogInformation("Dropped a refreshed token of {Channel} account {AccountId}: the account was disconnected meanwhile.",
                account.Channel, account.AccountId);
            throw new ChannelAuthException(account.Channel, "This account was disconnected. Connect it again on the Channels page.",
                requiresReauthorization: true);
        }

        cache[account.AccountId] = fresh;
        logger.LogInformation("Refreshed the access token of {Channel} account {AccountId}; it now expires {ExpiresUtc:O}.",
            account.Channel, account.AccountId, fresh.AccessTokenExpiresUtc);
        return fresh;
    }

    /// <summary>
    /// Writes the refreshed tokens only onto the credentials they were refreshed from, and only while the account is
    /// not disconnected: one conditional update, so a disconnect (or a reconnect) that lands meanwhile wins.
    /// </summary>
    private async Task<bool> SaveRefreshedAsync(ChannelAccountContext account, TokenSet fresh, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ChannelAccounts.AsNoTracking()
            .Where(a => a.Id == account.AccountId)
            .Select(a => new { a.Channel, a.EncryptedCredentials, a.Status })
            .SingleOrDefaultAsync(ct);
        if (row is null || row.Status == ChannelAccountStatus.Disconnected || row.EncryptedCredentials is null)
        {
            return false;
        }

        var refreshedFrom = row.EncryptedCredentials;
        var credentials = store.Unprotect(row.Channel, refreshedFrom) ?? ChannelCredentials.FromTokens(fresh);
        var encrypted = store.Protect(row.Channel, credentials.WithTokens(fresh));
        var changed = await db.ChannelAccounts
            .Where(a => a.Id == account.AccountId && a.Status != ChannelAccountStatus.Disconnected && a.EncryptedCredentials == refreshedFrom)
            .ExecuteUpdateAsync(set => set
                .SetProperty(a => a.EncryptedCredentials, encrypted)
                .SetProperty(a => a.AccessTokenExpiresUtc, fresh.AccessTokenExpiresUtc)
                .SetProperty(a => a.RefreshTokenExpiresUtc, fresh.RefreshTokenExpiresUtc)
                .SetProperty(a => a.HasRefreshToken, !string.IsNullOrEmpty(fresh.RefreshToken))
                .SetProperty(a => a.Status, a => a.Status == ChannelAccountStatus.NeedsReauth || a.Status == ChannelAccountStatus.Error
                    ? ChannelAccountStatus.Connected
                    : a.Status)
                .SetProperty(a => a.LastError, (string?)null), ct);
        return changed == 1;
    }

    private async Task MarkNeedsReauthAsync(int accountId, string error, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ChannelAccounts.SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (row is null)
        {
            return;
        }

        row.Status = ChannelAccountStatus.NeedsReauth;
        row.LastError = error.Length > 2000 ? error[..2000] : error;
        await db.SaveChangesAsync(ct);
    }
}
