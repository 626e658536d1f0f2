using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Admin.Health;

/// <summary>
/// One check per channel account: its token (valid or refreshable), a live test call through the channel's
/// <see cref="IChannelConnector"/>, and its last recorded error.
/// </summary>
public sealed class ChannelAccountProbes(
    IDbContextFactory<AppDbContext> contexts,
    IServiceScopeFactory scopes,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<HealthProbe>> AllAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        var accounts = await db.ChannelAccounts.AsNoTracking().OrderBy(a => a.DisplayName).ToListAsync(ct);
        return accounts
            .Select(a => new HealthProbe($"channel-{a.Id}", ChannelNames.AccountName(a.DisplayName, a.Channel), token => CheckAsync(a, token)))
            .ToList();
    }

    public async Task<CheckOutcome> CheckAsync(ChannelAccount account, CancellationToken ct)
    {
        var parts = new List<CheckOutcome> { Token(account) };
        if (account.Status == ChannelAccountStatus.Disconnected)
        {
            parts.Add(CheckOutcome.Degraded("Disconnected; not tested."));
        }
        else
        {
            parts.Add(await LiveTestAsync(account, ct));
        }

        if (!string.IsNullOrWhiteSpace(account.LastError))
        {
            parts.Add(CheckOutcome.Healthy($"Last error: {account.LastError}"));
        }

        return new CheckOutcome(parts.Max(p => p.Status), string.Join(" ", parts.Select(p => p.Detail)));
    }

    private CheckOutcome Token(ChannelAccount account)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var refreshable = ChannelAccount.CanRefresh(account.HasRefreshToken, account.RefreshTokenExpiresUtc, now);
        return account.AccessTokenExpiresUtc switch
        {
            null => CheckOutcome.Healthy("No token expiry recorded."),
            { } e when e > now.AddDays(1) => CheckOutcome.Healthy($"Token valid until {e:u}."),
            { } e when refreshable => CheckOutcome.Healthy(account.RefreshTokenExpiresUtc is { } until
                ? $"Token {(e > now ? "expires" : "expired")} {e:u}; refreshable until {until:u}."
                : $"Token {(e > now ? "expires" : "expired")} {e:u}; refreshed as needed (the refresh token does not expire)."),
            { } e when e > now => CheckOutcome.Degraded($"Token expires {e:u} and cannot be refreshed: reconnect soon."),
            { } e => CheckOutcome.Error($"Token expired {e:u} and cannot be refreshed: reconnect the account."),
        };
    }

    private async Task<CheckOutcome> LiveTestAsync(ChannelAccount account, CancellationToken ct)
    {
        // Connectors are typed clients with a scoped lifetime: resolve them in a scope of their own.
        await using var scope = scopes.CreateAsyncScope();
        var connector = scope.ServiceProvider.GetRequiredService<ChannelRegistry>().Connector(account.Channel);
        if (connector is null)
        {
            return CheckOutcome.Degraded($"No connector registered for {account.Channel}.");
        }

        var context = new ChannelAccountContext(account.Id, account.Channel, account.Environment, account.ShopId, account.SellerId, account.Region);
        try
        {
            var result = await connector.TestConnectionAsync(context, ct);
            return result.Ok
                ? CheckOutcome.Healthy($"Test call succeeded{(result.ShopName is null ? "" : $" ({result.ShopName})")}.")
                : CheckOutcome.Error($"Test call failed: {result.Message}");
        }
        catch (ChannelException ex)
        {
            return CheckOutcome.Error($"Test call failed: {ex.Message}");
        }
    }
}
