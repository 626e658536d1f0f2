using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>
/// An account's secrets: its tokens (OAuth channels) and any other secret values (API keys, CRM keys).
/// Never logged (<see cref="ToString"/> hides the values) and never put on a view model.
/// </summary>
public sealed record ChannelCredentials(TokenSet? Tokens, IReadOnlyDictionary<string, string> Secrets)
{
    public static ChannelCredentials FromTokens(TokenSet tokens) => new(tokens, new Dictionary<string, string>());

    public string? Secret(string key) => Secrets.TryGetValue(key, out var v) ? v : null;

    public ChannelCredentials WithTokens(TokenSet tokens) => this with { Tokens = tokens };

    public override string ToString() => $"ChannelCredentials {{ Tokens = {Tokens}, Secrets = [{string.Join(", ", Secrets.Keys)}] }}";
}

/// <summary>
/// Reads and writes <see cref="ChannelAccount.EncryptedCredentials"/> with ASP.NET Core Data Protection, one purpose
/// per channel ("SellerPortal.Channels.TikTokShop.v1"), so a blob copied between channels does not decrypt.
/// The key ring lives in the database (see AddDatabase).
/// </summary>
public sealed class ChannelCredentialStore(IDataProtectionProvider protection, IDbContextFactory<AppDbContext> contexts)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static string Purpose(ChannelKind channel) => $"SellerPortal.Channels.{channel}.v1";

    public string Protect(ChannelKind channel, ChannelCredentials credentials) =>
        Protector(channel).Protect(JsonSerializer.Serialize(new Stored(credentials.Tokens, credentials.Secrets), Json));

    public ChannelCredentials? Unprotect(ChannelKind channel, string? encrypted)
    {
        if (string.IsNullOrEmpty(encrypted))
        {
            return null;
        }

        var stored = JsonSerializer.Deserialize<Stored>(Protector(channel).Unprotect(encrypted), Json);
        return stored is null ? null : new ChannelCredentials(stored.Tokens, stored.Secrets ?? new Dictionary<string, string>());
    }

    /// <summary>The account's credentials, or null when it holds none (never connected or disconnected).</summary>
    public ChannelCredentials? Read(ChannelAccount account) => Unprotect(account.Channel, account.EncryptedCredentials);

    /// <summary>Encrypts onto the (tracked) account and copies the token expiries to their plain columns; the caller saves.</summary>
    public void Write(ChannelAccount account, ChannelCredentials credentials)
    {
        account.EncryptedCredentials = Protect(account.Channel, credentials);
        account.AccessTokenExpiresUtc = credentials.Tokens?.AccessTokenExpiresUtc;
        account.RefreshTokenExpiresUtc = credentials.Tokens?.RefreshTokenExpiresUtc;
        account.HasRefreshToken = !string.IsNullOrEmpty(credentials.Tokens?.RefreshToken);
    }

    /// <summary>Clears every secret from the (tracked) account; the caller saves.</summary>
    public static void Clear(ChannelAccount account)
    {
        account.EncryptedCredentials = null;
        account.AccessTokenExpiresUtc = null;
        account.RefreshTokenExpiresUtc = null;
        account.HasRefreshToken = false;
    }

    public async Task<ChannelCredentials?> LoadAsync(int accountId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ChannelAccounts.AsNoTracking()
            .Where(a => a.Id == accountId)
            .Select(a => new { a.Channel, a.EncryptedCredentials })
            .SingleOrDefaultAsync(ct);
        return row is null ? null : Unprotect(row.Channel, row.EncryptedCredentials);
    }

    private IDataProtector Protector(ChannelKind channel) => protection.CreateProtector(Purpose(channel));

    private sealed record Stored(TokenSet? Tokens, IReadOnlyDictionary<string, string>? Secrets);
}
