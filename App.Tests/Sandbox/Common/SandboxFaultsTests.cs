using SellerPortal.Sandbox.Common;

namespace SellerPortal.Tests.Sandbox.Common;

public sealed class SandboxFaultsTests
{
    private static List<FaultDecision> Roll(SandboxFaults faults, int calls) =>
        [.. Enumerable.Range(0, calls).Select(_ => faults.Next("TikTokShop"))];

    [Fact]
    public void Seeded_TheSameSettings_RollTheSameFaults()
    {
        var settings = new FaultSettings { ErrorRate = 0.2, TimeoutRate = 0.1, DropConnectionRate = 0.05 };
        var first = new SandboxFaults(new Random(42));
        var second = new SandboxFaults();
        second.Seed(42);
        first.Set("TikTokShop", settings);
        second.Set("TikTokShop", settings);

        var a = Roll(first, 500);
        var b = Roll(second, 500);

        Assert.Equal(a, b);
        Assert.Contains(FaultDecision.ServerError, a);
        Assert.Contains(FaultDecision.Timeout, a);
        Assert.Contains(FaultDecision.DropConnection, a);
    }

    [Fact]
    public void TimeoutRate_AboutThatShareOfCallsTimeOut_AndEveryFaultIsCounted()
    {
        var faults = new SandboxFaults(new Random(7));
        faults.Set("TikTokShop", new FaultSettings { TimeoutRate = 0.25 });
        faults.Queue429("TikTokShop", 3);

        var rolls = Roll(faults, 2_003);

        Assert.Equal([FaultDecision.TooManyRequests, FaultDecision.TooManyRequests, FaultDecision.TooManyRequests], rolls.Take(3));
        var timeouts = rolls.Count(r => r == FaultDecision.Timeout);
        Assert.InRange(timeouts, 400, 600);
        var counted = faults.Injected("TikTokShop");
        Assert.Equal(timeouts, counted[FaultDecision.Timeout]);
        Assert.Equal(3, counted[FaultDecision.TooManyRequests]);
        Assert.Empty(faults.Injected("ebay"));
    }
}
