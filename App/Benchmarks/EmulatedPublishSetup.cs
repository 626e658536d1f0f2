using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Listings;
using SellerPortal.Sandbox.Common;

namespace SellerPortal.Benchmarks;

/// <summary>
/// What staff set once before a publish goes through, as each emulator's control contract says
/// (<see cref="SandboxPublishSetup"/>): the master category mapped to the channel's category where it needs one, and
/// the account settings a listing takes when it names none (eBay's business policies). No marketplace is named here.
/// </summary>
internal static class EmulatedPublishSetup
{
    public static async Task ApplyAsync(IServiceProvider services, IReadOnlyCollection<int> accountIds, string masterCategory, CancellationToken ct)
    {
        var emulators = services.GetRequiredService<EmulatedChannels>();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync(ct);
        var accounts = await db.ChannelAccounts.Where(a => accountIds.Contains(a.Id)).ToListAsync(ct);
        foreach (var channel in accounts.Select(a => a.Channel).Distinct())
        {
            var setup = services.Control(emulators.PathOf(channel)).PublishSetup;
            if (setup.CategoryId is { } category)
            {
                db.CategoryMappings.Add(new CategoryMapping { Channel = channel, MasterCategory = masterCategory, ExternalCategoryId = category });
            }

            foreach (var account in accounts.Where(a => a.Channel == channel && setup.AccountProperties.Count > 0))
            {
                account.PropertiesJson = ChannelAccountContexts.MergeProperties(account.PropertiesJson, setup.AccountProperties);
            }
        }

        await db.SaveChangesAsync(ct);
    }
}
