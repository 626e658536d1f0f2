using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Admin;

public sealed class ApiCallLogWriterTests
{
    private static readonly DateTime At = new(2026, 11, 24, 12, 0, 0, DateTimeKind.Utc);

    [Fact]
    public async Task ManyCallsFromManyThreads_AreAllWritten_AndTheAccountKeepsItsLatestSuccess()
    {
        var database = new TestDatabase();
        int accountId, laterId;
        await using (var db = database.CreateDbContext())
        {
            var account = new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "E", CreatedUtc = At, LastSuccessfulCallUtc = At.AddDays(1) };
            var other = new ChannelAccount { Channel = ChannelKind.Ebay, DisplayName = "F", CreatedUtc = At };
            db.AddRange(account, other);
            await db.SaveChangesAsync();
            accountId = other.Id;
            laterId = account.Id;
        }

        await using var writer = new ApiCallLogWriter(database, NullLogger<ApiCallLogWriter>.Instance);
        await Parallel.ForAsync(0, 1_200, async (i, _) => await writer.RecordAsync(new ApiCallLog
        {
            ChannelAccountId = accountId, Channel = "Ebay", Operation = "getOrders", Method = "GET", Path = $"/order?i={i}",
            HttpStatus = 200, StartedUtc = At.AddSeconds(i),
        }, succeededUtc: At.AddSeconds(i)));
        await writer.RecordAsync(new ApiCallLog { ChannelAccountId = laterId, Channel = "Ebay", Operation = "ping", Method = "GET", Path = "/", StartedUtc = At }, At);
        await writer.FlushAsync();

        await using var check = database.CreateDbContext();
        Assert.Equal(1_200, await check.ApiCallLogs.CountAsync(l => l.ChannelAccountId == accountId));
        Assert.Equal(1_200, await check.ApiCallLogs.Where(l => l.ChannelAccountId == accountId).Select(l => l.Path).Distinct().CountAsync());
        Assert.Equal(At.AddSeconds(1_199), (await check.ChannelAccounts.SingleAsync(a => a.Id == accountId)).LastSuccessfulCallUtc);
        // A stamp never moves an account's last success backwards.
        Assert.Equal(At.AddDays(1), (await check.ChannelAccounts.SingleAsync(a => a.Id == laterId)).LastSuccessfulCallUtc);
    }
}
