using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>Turns a stored account into the secret-free <see cref="ChannelAccountContext"/> a connector is called with.</summary>
public static class ChannelAccountContexts
{
    public static ChannelAccountContext For(ChannelAccount account) =>
        new(account.Id, account.Channel, account.Environment, account.ShopId, account.SellerId, account.Region)
        {
            Properties = ReadProperties(account.PropertiesJson),
        };

    public static async Task<ChannelAccountContext?> LoadAsync(IDbContextFactory<AppDbContext> contexts, int accountId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var account = await db.ChannelAccounts.AsNoTracking().SingleOrDefaultAsync(a => a.Id == accountId, ct);
        return account is null ? null : For(account);
    }

    public static IReadOnlyDictionary<string, string> ReadProperties(string? json) =>
        string.IsNullOrEmpty(json)
            ? new Dictionary<string, string>()
            : JsonSerializer.Deserialize<Dictionary<string, string>>(json) ?? [];

    public static string? WriteProperties(IReadOnlyDictionary<string, string> properties) =>
        properties.Count == 0 ? null : JsonSerializer.Serialize(properties);

    /// <summary>The stored properties with these set over them: the values given win, every other setting is kept.</summary>
    public static string? MergeProperties(string? json, IReadOnlyDictionary<string, string> changes)
    {
        var merged = new Dictionary<string, string>(ReadProperties(json));
        foreach (var (key, value) in changes)
        {
            merged[key] = value;
        }

        return WriteProperties(merged);
    }
}
