using System.Security.Cryptography;
using System.Text;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>What checking a callback's state found: the environment it was issued for, or why it is refused.</summary>
public sealed record OAuthStateCheck(
    bool Ok, string? Error, ChannelEnvironment Environment = ChannelEnvironment.Production, string? Region = null, string? Shop = null)
{
    public static OAuthStateCheck Refused(string error) => new(false, error);
}

/// <summary>
/// Issues and checks the OAuth <c>state</c>: 256 random bits, bound to the signed-in user and the channel,
/// single use, valid <see cref="Lifetime"/>. Only its hash is stored, so a database read cannot forge a callback.
/// </summary>
public sealed class OAuthStateService(IDbContextFactory<AppDbContext> contexts, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    public async Task<string> IssueAsync(string userId, ChannelKind channel, ChannelEnvironment environment, string? region, CancellationToken ct, string? shop = null)
    {
        var state = Base64Url(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Housekeeping on the way: states a day past expiry are of no use to anyone.
        var stale = now.AddDays(-1);
        await db.OAuthStates.Where(s => s.ExpiresUtc < stale).ExecuteDeleteAsync(ct);
        db.OAuthStates.Add(new OAuthState
        {
            StateHash = Hash(state),
            UserId = userId,
            Channel = channel,
            Environment = environment,
            Region = region,
            Shop = shop,
            CreatedUtc = now,
            ExpiresUtc = now + Lifetime,
        });
        await db.SaveChangesAsync(ct);
        return state;
    }

    /// <summary>Checks the state and, when it is good, uses it up (atomically: two callbacks with one state, one wins).</summary>
    public async Task<OAuthStateCheck> ConsumeAsync(string? state, string userId, ChannelKind channel, CancellationToken ct)
    {
        const string restart = "Start the connection again from the Channels page.";
        if (string.IsNullOrEmpty(state) || state.Length > 200)
        {
            return OAuthStateCheck.Refused($"The marketplace's answer did not carry a valid sign-in check. {restart}");
        }

        var hash = Hash(state);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.OAuthStates.AsNoTracking().SingleOrDefaultAsync(s => s.StateHash == hash, ct);
        if (row is null)
        {
            return OAuthStateCheck.Refused($"The marketplace's answer did not match a connection we started. {restart}");
        }

        if (row.UserId != userId)
        {
            return OAuthStateCheck.Refused($"This connection was started by another user. {restart}");
        }

        if (row.Channel != channel)
        {
            return OAuthStateCheck.Refused($"The answer came back for a different marketplace than the one started. {restart}");
        }

        if (row.UsedUtc is not null)
        {
            return OAuthStateCheck.Refused($"This connection link was already used. {restart}");
        }

        if (row.ExpiresUtc <= now)
        {
            return OAuthStateCheck.Refused($"The connection took longer than {Lifetime.TotalMinutes:0} minutes and expired. {restart}");
        }

        var used = await db.OAuthStates
            .Where(s => s.Id == row.Id && s.UsedUtc == null)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.UsedUtc, now), ct);
        return used == 1
            ? new OAuthStateCheck(true, null, row.Environment, row.Region, row.Shop)
            : OAuthStateCheck.Refused($"This connection link was already used. {restart}");
    }

    public static string Hash(string state) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(state)));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
