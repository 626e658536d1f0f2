using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>A held consent as the Admin is asked about it: which channel and which accounts it would replace.</summary>
public sealed record PendingConnectionQuestion(ChannelKind Channel, string Replaces);

/// <summary>A held consent taken for saving: the channel's answer as the code exchange gave it.</summary>
public sealed record HeldConnection(ChannelKind Channel, ChannelEnvironment Environment, ConnectedAccount Connected);

/// <summary>A held consent an Admin declined: the channel and the account it would have replaced.</summary>
public sealed record HeldRefusal(ChannelKind Channel, string Replaces);

/// <summary>
/// Holds consents that would replace a connected seller's tokens until an Admin says yes or no
/// (<see cref="PendingConnection"/>). The confirmation token goes to the browser; the tokens never do.
/// </summary>
public sealed class PendingConnections(IDbContextFactory<AppDbContext> contexts, IDataProtectionProvider protection, TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromMinutes(10);

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private IDataProtector Protector => protection.CreateProtector("SellerPortal.Channels.PendingConnection.v1");

    public async Task<string> HoldAsync(
        string userId, ChannelKind channel, ChannelEnvironment environment, ConnectedAccount connected, IEnumerable<string> replaces, CancellationToken ct)
    {
        var token = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contexts.CreateDbContextAsync(ct);
        // Held consents nobody answered are of no use once expired.
        await db.PendingConnections.Where(p => p.ExpiresUtc < now).ExecuteDeleteAsync(ct);
        db.PendingConnections.Add(new PendingConnection
        {
            TokenHash = OAuthStateService.Hash(token),
            UserId = userId,
            Channel = channel,
            Environment = environment,
            Replaces = Truncate(string.Join(", ", replaces), 1000),
            ProtectedConnection = Protector.Protect(JsonSerializer.Serialize(connected, Json)),
            CreatedUtc = now,
            ExpiresUtc = now + Lifetime,
        });
        await db.SaveChangesAsync(ct);
        return token;
    }

    /// <summary>What the held consent would replace, or null when the token is unknown, another user's or expired.</summary>
    public async Task<PendingConnectionQuestion?> DescribeAsync(string? token, string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await Live(db, token, userId).Select(p => new PendingConnectionQuestion(p.Channel, p.Replaces)).SingleOrDefaultAsync(ct);
    }

    /// <summary>Takes the held consent out (atomically: of two confirmations with one token, one wins), or null.</summary>
    public async Task<HeldConnection?> TakeAsync(string? token, string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await Live(db, token, userId).AsNoTracking().SingleOrDefaultAsync(ct);
        if (row is null || await db.PendingConnections.Where(p => p.Id == row.Id).ExecuteDeleteAsync(ct) != 1)
        {
            return null;
        }

        var connected = JsonSerializer.Deserialize<ConnectedAccount>(Protector.Unprotect(row.ProtectedConnection), Json)
            ?? throw new InvalidOperationException("A held connection could not be read.");
        return new HeldConnection(row.Channel, row.Environment, connected);
    }

    /// <summary>
    /// Forgets the held consent (the Admin said no; the account keeps its tokens) and names the account it would have
    /// replaced, or null when there was nothing to forget (expired, answered, someone else's).
    /// </summary>
    public async Task<HeldRefusal?> DiscardAsync(string? token, string userId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await Live(db, token, userId).AsNoTracking().Select(p => new { p.Id, p.Channel, p.Replaces }).SingleOrDefaultAsync(ct);
        return row is not null && await db.PendingConnections.Where(p => p.Id == row.Id).ExecuteDeleteAsync(ct) == 1
            ? new HeldRefusal(row.Channel, row.Replaces)
            : null;
    }

    private IQueryable<PendingConnection> Live(AppDbContext db, string? token, string userId)
    {
        if (string.IsNullOrEmpty(token) || token.Length > 100)
        {
            return db.PendingConnections.Where(_ => false);
        }

        var hash = OAuthStateService.Hash(token);
        var now = clock.GetUtcNow().UtcDateTime;
        return db.PendingConnections.Where(p => p.TokenHash == hash && p.UserId == userId && p.ExpiresUtc > now);
    }

    private static string Truncate(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
