using SellerPortal.Components.Shared;

namespace SellerPortal.Tests.Components.Shared;

public sealed class RelativeTimeTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 9, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData(0, "just now")]
    [InlineData(59, "just now")]
    [InlineData(-59, "just now")]
    [InlineData(60, "in 1 min")]
    [InlineData(-60, "1 min ago")]
    [InlineData(-3 * 60, "3 min ago")]
    [InlineData(-(3 * 60 + 29), "3 min ago")]
    [InlineData(-(3 * 60 + 30), "4 min ago")]
    [InlineData(55 * 60, "in 55 min")]
    [InlineData(59 * 60 + 29, "in 59 min")]
    [InlineData(59 * 60 + 30, "in 1 hour")]
    [InlineData(70 * 60, "in 1 hour")]
    [InlineData(-90 * 60, "2 hours ago")]
    [InlineData(-125 * 60, "2 hours ago")]
    [InlineData(23 * 3600 + 29 * 60, "in 23 hours")]
    [InlineData(23 * 3600 + 30 * 60, "in 1 day")]
    [InlineData(-24 * 3600, "1 day ago")]
    [InlineData(-3 * 24 * 3600, "3 days ago")]
    [InlineData(6 * 24 * 3600 - 1, "in 6 days")]
    public void Format_ReadsAtAGlance_PastAndFuture(int secondsFromNow, string expected) =>
        Assert.Equal(expected, RelativeTime.Format(Now.AddSeconds(secondsFromNow), Now));

    [Fact]
    public void Format_WithNoTime_UsesTheCallersWords() =>
        Assert.Equal("never synced", RelativeTime.Format(null, Now, "never synced"));
}
