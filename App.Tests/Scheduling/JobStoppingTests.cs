using Microsoft.Extensions.Hosting;
using SellerPortal.Scheduling;

namespace SellerPortal.Tests.Scheduling;

public sealed class JobStoppingTests
{
    private sealed class Lifetime : IHostApplicationLifetime
    {
        public CancellationTokenSource Stopping { get; } = new();

        public CancellationToken ApplicationStarted => CancellationToken.None;

        public CancellationToken ApplicationStopping => Stopping.Token;

        public CancellationToken ApplicationStopped => CancellationToken.None;

        public void StopApplication() => Stopping.Cancel();
    }

    [Fact]
    public async Task WorkStillRunningWhenTheAppStops_IsCancelled_AndTheJobEndsQuietly()
    {
        var lifetime = new Lifetime();
        var started = new TaskCompletionSource();
        var run = JobStopping.RunAsync(CancellationToken.None, lifetime, async ct =>
        {
            started.SetResult();
            await Task.Delay(Timeout.Infinite, ct);
        });
        await started.Task.WaitAsync(TimeSpan.FromSeconds(5));

        lifetime.StopApplication();

        await run.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.True(run.IsCompletedSuccessfully);
    }

    [Fact]
    public async Task AJobInterruptedWhileTheAppRuns_StillReportsTheCancellation()
    {
        using var interrupted = new CancellationTokenSource();
        var run = JobStopping.RunAsync(interrupted.Token, new Lifetime(), ct => Task.Delay(Timeout.Infinite, ct));

        await interrupted.CancelAsync();

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => run);
    }
}
