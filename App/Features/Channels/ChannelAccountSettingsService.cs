using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

/// <summary>What an account's settings read back: the choices, or a sentence when the channel could not be asked.</summary>
public sealed record AccountSettingsView(IReadOnlyList<AccountSetting> Settings, string? Error);

/// <summary>
/// An account's one-time choices (eBay's policies and location, TikTok Shop's warehouse), read from the channel and
/// stored on the account's properties; changing them is an Admin's, checked here as well as on the page.
/// </summary>
public sealed class ChannelAccountSettingsService(
    IDbContextFactory<AppDbContext> contexts,
    IServiceScopeFactory scopes,
    AuditLog audit,
    ILogger<ChannelAccountSettingsService> logger)
{
    /// <summary>Whether the channel has account settings at all (the card offers the button only then).</summary>
    public bool Offers(ChannelKind channel)
    {
        using var scope = scopes.CreateScope();
        return scope.ServiceProvider.GetRequiredService<ChannelRegistry>().AccountSettings(channel) is not null;
    }

    public async Task<AccountSettingsView> ReadAsync(int accountId, CancellationToken ct)
    {
        var account = await ChannelAccountContexts.LoadAsync(contexts, accountId, ct);
        if (account is null)
        {
            return new([], "This account no longer exists.");
        }

        await using var scope = scopes.CreateAsyncScope();
        if (For(scope, account.Channel) is not { } settings)
        {
            return new([], $"{ChannelNames.Display(account.Channel)} accounts have no settings.");
        }

        try
        {
            return new(await settings.ReadAsync(account, ct), null);
        }
        catch (ChannelException ex)
        {
            logger.LogWarning(ex, "Reading the settings of {Channel} account {AccountId} failed ({ErrorCode}).", account.Channel, accountId, ex.ErrorCode);
            return new([], $"{ChannelNames.Display(account.Channel)} did not give the choices: {ex.Message}");
        }
    }

    /// <summary>Checks the values with the channel and stores them; returns null when saved, else a sentence.</summary>
    public async Task<string?> SaveAsync(int accountId, IReadOnlyDictionary<string, string> chosen, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "change a marketplace account's settings");
        var account = await ChannelAccountContexts.LoadAsync(contexts, accountId, ct);
        if (account is null)
        {
            return "This account no longer exists.";
        }

        await using var scope = scopes.CreateAsyncScope();
        if (For(scope, account.Channel) is not { } settings)
        {
            return $"{ChannelNames.Display(account.Channel)} accounts have no settings.";
        }

        IReadOnlyDictionary<string, string> properties;
        try
        {
            properties = await settings.ApplyAsync(account, chosen, ct);
        }
        catch (ChannelException ex)
        {
            logger.LogWarning(ex, "Saving the settings of {Channel} account {AccountId} was refused ({ErrorCode}).", account.Channel, accountId, ex.ErrorCode);
            return ex.Message;
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var row = await db.ChannelAccounts.SingleOrDefaultAsync(a => a.Id == accountId, ct);
        if (row is null)
        {
            return "This account no longer exists.";
        }

        row.PropertiesJson = ChannelAccountContexts.MergeProperties(row.PropertiesJson, properties);
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.UserName, "channel.settings",
            $"{ChannelNames.Display(row.Channel)}: {row.DisplayName}: {string.Join(", ", properties.Keys.Order(StringComparer.Ordinal))}",
            $"account {accountId}", ct);
        return null;
    }

    private static IChannelAccountSettings? For(AsyncServiceScope scope, ChannelKind channel) =>
        scope.ServiceProvider.GetRequiredService<ChannelRegistry>().AccountSettings(channel);
}
