using System.Diagnostics;
using Microsoft.Extensions.Options;

namespace SellerPortal.Features.Admin.Health;

/// <summary>
/// Runs every admin health check in parallel, each under its own time limit, so one hanging channel cannot hang the
/// page: a check that overruns is reported as ERROR ("timed out after 5 s") and abandoned (its token is cancelled).
/// </summary>
public sealed class AdminHealthChecks(
    SystemProbes system,
    ChannelAccountProbes channels,
    IOptions<AdminHealthOptions> options,
    TimeProvider clock,
    ILogger<AdminHealthChecks> logger)
{
    public async Task<IReadOnlyList<HealthCheckRow>> RunAllAsync(CancellationToken ct)
    {
        var timeout = options.Value.CheckTimeout;
        var probes = new List<HealthProbe>(system.All());
        try
        {
            probes.AddRange(await channels.AllAsync(ct).WaitAsync(timeout, clock, ct));
        }
        catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            // Without the account list there are no channel checks; say so in a row instead of failing the page.
            logger.LogWarning(ex, "Listing channel accounts for the health checks failed");
            probes.Add(new HealthProbe("channels", "Channel accounts", _ =>
                Task.FromResult(CheckOutcome.Error("The channel accounts could not be listed; see the database check."))));
        }

        return await Task.WhenAll(probes.Select(p => RunOneAsync(p, timeout, ct)));
    }

    private async Task<HealthCheckRow> RunOneAsync(HealthProbe probe, TimeSpan timeout, CancellationToken ct)
    {
        var started = Stopwatch.GetTimestamp();
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        CheckOutcome outcome;
        try
        {
            // Task.Run: a check that blocks before its first await still cannot hold up the others.
            // WaitAsync: a check that ignores its token is abandoned at the limit all the same.
            var running = Task.Run(() => probe.RunAsync(limit.Token), limit.Token);
            outcome = await running.WaitAsync(timeout, clock, ct);
        }
        catch (TimeoutException)
        {
            outcome = CheckOutcome.Error($"The check timed out after {timeout.TotalSeconds:0.#} s.");
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            outcome = CheckOutcome.Error($"The check timed out after {timeout.TotalSeconds:0.#} s.");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "Health check {Check} failed", probe.Key);
            outcome = CheckOutcome.Error($"The check failed: {ex.Message}");
        }
        finally
        {
            await limit.CancelAsync();
        }

        return new HealthCheckRow(probe.Key, probe.Name, outcome.Status, outcome.Detail, Stopwatch.GetElapsedTime(started));
    }
}
