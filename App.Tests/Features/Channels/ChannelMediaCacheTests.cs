using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Channels;

/// <summary>
/// The channels' copies of master images, on a real SQLite file: found per account and source URL, remembered once,
/// and two publishes that uploaded the same picture at the same moment end with one row, neither failing.
/// </summary>
public sealed class ChannelMediaCacheTests
{
    private readonly TestDatabase db = new();
    private readonly FakeTimeProvider time = new(new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero));

    private async Task<(int First, int Second)> AccountsAsync()
    {
        await using var ctx = db.CreateDbContext();
        var first = new ChannelAccount { Channel = ChannelKind.TikTokShop, DisplayName = "Shop one", Status = ChannelAccountStatus.Connected };
        var second = new ChannelAccount { Channel = ChannelKind.TikTokShop, DisplayName = "Shop two", Status = ChannelAccountStatus.Connected };
        ctx.ChannelAccounts.AddRange(first, second);
        await ctx.SaveChangesAsync();
        return (first.Id, second.Id);
    }

    [Fact]
    public async Task ARememberedUpload_IsFoundForItsAccountOnly_WithWhenItWasMade()
    {
        var (first, second) = await AccountsAsync();
        var cache = new ChannelMediaCache(db, time);

        await cache.RememberAsync(first, "https://cdn.example/mug.png", "tos-us/abc", default);

        Assert.Equal("tos-us/abc", await cache.FindAsync(first, "https://cdn.example/mug.png", default));
        Assert.Null(await cache.FindAsync(second, "https://cdn.example/mug.png", default));
        Assert.Null(await cache.FindAsync(first, "https://cdn.example/MUG.png", default));
        await using var ctx = db.CreateDbContext();
        var row = await ctx.ChannelMediaUploads.SingleAsync();
        Assert.Equal((first, "https://cdn.example/mug.png", time.GetUtcNow().UtcDateTime), (row.ChannelAccountId, row.SourceUrl, row.UploadedUtc));
    }

    [Fact]
    public async Task AVeryLongUrl_IsKeptCut_ButFoundByItsWholeValue()
    {
        var (first, _) = await AccountsAsync();
        var cache = new ChannelMediaCache(db, time);
        var longUrl = "https://cdn.example/" + new string('a', 3000) + ".png";
        var sameStart = "https://cdn.example/" + new string('a', 3000) + "b.png";

        await cache.RememberAsync(first, longUrl, "tos-us/long", default);

        Assert.Equal("tos-us/long", await cache.FindAsync(first, longUrl, default));
        Assert.Null(await cache.FindAsync(first, sameStart, default));
        await using var ctx = db.CreateDbContext();
        Assert.Equal(2048, (await ctx.ChannelMediaUploads.SingleAsync()).SourceUrl.Length);
    }

    [Fact]
    public async Task TheSamePictureRememberedTwiceAtOnce_EndsAsOneRow_AndNeitherCallFails()
    {
        var (first, _) = await AccountsAsync();
        var caches = Enumerable.Range(0, 8).Select(_ => new ChannelMediaCache(db, time)).ToList();

        await Task.WhenAll(caches.Select((c, i) => Task.Run(() => c.RememberAsync(first, "https://cdn.example/race.png", $"tos-us/race-{i}", default))));

        await using var ctx = db.CreateDbContext();
        var row = await ctx.ChannelMediaUploads.SingleAsync();
        Assert.Matches("^tos-us/race-[0-7]$", row.ChannelReference);
        Assert.Equal(row.ChannelReference, await caches[0].FindAsync(first, "https://cdn.example/race.png", default));
    }
}
