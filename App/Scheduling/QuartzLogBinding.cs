using Quartz.Logging;

namespace SellerPortal.Scheduling;

/// <summary>
/// Quartz keeps its log provider in a static, set from the first host's logger factory. A second host in the same
/// process (integration tests, the E2E fixture) would build its scheduler against the first host's disposed
/// factory and fail with ObjectDisposedException (quartznet/quartznet#1781). The host constructs its hosted
/// services in registration order before starting any, and Quartz's pulls in the scheduler factory as it is
/// constructed; so this one, registered just before it, binds the static in its constructor. When the host stops it
/// unbinds it again, so a scheduler made later outside any host does not find a logger factory about to be disposed.
/// </summary>
internal sealed class QuartzLogBinding : IHostedService
{
    public QuartzLogBinding(ILoggerFactory loggers) => LogContext.SetCurrentLogProvider(loggers);

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken)
    {
        LogContext.SetCurrentLogProvider(Microsoft.Extensions.Logging.Abstractions.NullLoggerFactory.Instance);
        return Task.CompletedTask;
    }
}
