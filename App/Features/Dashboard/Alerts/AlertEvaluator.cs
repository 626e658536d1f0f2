using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Channels;
using SellerPortal.Features.Sync;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Dashboard.Alerts;

public enum AlertKind
{
    OrderImportStale,
    HighErrorRate,
    TokenExpiring,
    DeadSyncJobs,
    SyncLatencyHigh,
}

/// <summary>One condition an operator should act on, as a sentence they can act on.</summary>
public sealed record ActiveAlert(AlertKind Kind, int? ChannelAccountId, string Sentence);

/// <summary>Checks each alert condition against the thresholds in <see cref="AlertSettings"/>.</summary>
public sealed class AlertEvaluator(
    IDbContextFactory<AppDbContext> contexts,
    AlertSettingsStore settingsStore,
    IntegrationMetrics metrics,
    TimeProvider clock)
{
    public async Task<IReadOnlyList<ActiveAlert>> EvaluateAsync(CancellationToken ct = default)
    {
        var settings = await settingsStore.GetAsync(ct);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = contexts.CreateDbContext();
        var accounts = await db.ChannelAccounts.AsNoTracking()
            .Where(a => a.Status != ChannelAccountStatus.Disconnected)
            .OrderBy(a => a.DisplayName)
            .Select(a => new { a.Id, a.DisplayName, a.Channel, a.Status, a.CreatedUtc, a.AccessTokenExpiresUtc, a.RefreshTokenExpiresUtc, a.HasRefreshToken })
            .ToListAsync(ct);
        var lastSuccess = await metrics.LastSuccessAsync(ct);
        var lastHour = await metrics.CountCallsAsync(now.AddHours(-1), now, ct);
        var latency = await metrics.SyncLatencyAsync(now.AddHours(-1), now, ct);

        var alerts = new List<ActiveAlert>();
        foreach (var a in accounts)
        {
            var name = ChannelNames.AccountName(a.DisplayName, a.Channel);
            if (a.Status == ChannelAccountStatus.Connected)
            {
                var since = lastSuccess.TryGetValue((a.Id, SyncJobKind.ImportOrders), out var last) ? last : (DateTime?)null;
                var reference = since ?? DateTime.SpecifyKind(a.CreatedUtc, DateTimeKind.Utc);
                if (now - reference > TimeSpan.FromMinutes(settings.OrderImportStaleMinutes))
                {
                    alerts.Add(new ActiveAlert(AlertKind.OrderImportStale, a.Id, since is null
                        ? $"{name} has not imported orders since it was connected {Ago(now - reference)} ago. Check the account on the Integrations page."
                        : $"{name} has not imported orders for {Ago(now - reference)} (alert after {settings.OrderImportStaleMinutes} minutes). Check the account on the Integrations page."));
                }
            }

            if (lastHour.TryGetValue(a.Id, out var counts) && counts.Calls >= settings.ErrorRateMinimumCalls
                && counts.ErrorRate * 100 > settings.ErrorRatePercent)
            {
                alerts.Add(new ActiveAlert(AlertKind.HighErrorRate, a.Id,
                    $"{name} failed {counts.Errors} of {counts.Calls} calls in the last hour ({counts.ErrorRate:P0}, alert above {settings.ErrorRatePercent}%). See the API call log."));
            }

            if (latency.TryGetValue(a.Id, out var late) && late.P95Seconds > settings.SyncLatencySeconds)
            {
                alerts.Add(new ActiveAlert(AlertKind.SyncLatencyHigh, a.Id,
                    $"{name}'s order changes took up to {late.P95Seconds} s to arrive in the last hour (95th percentile of {late.Changes}; alert above {settings.SyncLatencySeconds} s). Check its webhooks and import schedule on the Integrations page."));
            }

            var refreshable = ChannelAccount.CanRefresh(a.HasRefreshToken, a.RefreshTokenExpiresUtc, now);
            if (a.AccessTokenExpiresUtc is { } expires && expires <= now.AddHours(settings.TokenExpiryHours) && !refreshable)
            {
                alerts.Add(new ActiveAlert(AlertKind.TokenExpiring, a.Id, expires <= now
                    ? $"{name}'s access expired {Ago(now - expires)} ago and cannot be refreshed. Reconnect the account on the Channels page."
                    : $"{name}'s access expires in {Ago(expires - now)} and cannot be refreshed. Reconnect the account on the Channels page."));
            }
        }

        var dead = await db.SyncJobs.CountAsync(j => j.Status == SyncJobStatus.Dead, ct);
        if (dead > 0)
        {
            alerts.Add(new ActiveAlert(AlertKind.DeadSyncJobs, null, dead == 1
                ? "1 sync job has failed for good and is dead-lettered. Review it on the Sync page."
                : $"{dead} sync jobs have failed for good and are dead-lettered. Review them on the Sync page."));
        }

        return alerts;
    }

    private static string Ago(TimeSpan span) => span switch
    {
        { TotalMinutes: < 1 } => "less than a minute",
        { TotalHours: < 1 } => $"{(int)span.TotalMinutes} min",
        { TotalDays: < 2 } => $"{(int)span.TotalHours} h {span.Minutes} min",
        _ => $"{(int)span.TotalDays} days",
    };
}
