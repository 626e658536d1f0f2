using System.ComponentModel.DataAnnotations;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;

namespace SellerPortal.Features.Dashboard.Alerts;

/// <summary>Reads and saves the single <see cref="AlertSettings"/> row, auditing each change.</summary>
public sealed class AlertSettingsStore(IDbContextFactory<AppDbContext> contexts, AuditLog audit, TimeProvider clock)
{
    public async Task<AlertSettings> GetAsync(CancellationToken ct)
    {
        await using var db = contexts.CreateDbContext();
        return await db.Set<AlertSettings>().AsNoTracking().SingleOrDefaultAsync(s => s.Id == AlertSettings.SingletonId, ct)
            ?? new AlertSettings();
    }

    /// <summary>Validates and saves; returns the validation errors, empty when saved.</summary>
    public async Task<IReadOnlyList<string>> SaveAsync(AlertSettings input, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "change the alert thresholds");
        var errors = new List<ValidationResult>();
        if (!Validator.TryValidateObject(input, new ValidationContext(input), errors, validateAllProperties: true))
        {
            return errors.Select(e => e.ErrorMessage ?? "Invalid value.").ToList();
        }

        await using var db = contexts.CreateDbContext();
        var row = await db.Set<AlertSettings>().SingleOrDefaultAsync(s => s.Id == AlertSettings.SingletonId, ct);
        if (row is null)
        {
            row = new AlertSettings();
            db.Add(row);
        }

        var before = Describe(row);
        row.OrderImportStaleMinutes = input.OrderImportStaleMinutes;
        row.ErrorRatePercent = input.ErrorRatePercent;
        row.ErrorRateMinimumCalls = input.ErrorRateMinimumCalls;
        row.TokenExpiryHours = input.TokenExpiryHours;
        row.SyncLatencySeconds = input.SyncLatencySeconds;
        row.UpdatedUtc = clock.GetUtcNow().UtcDateTime;
        row.UpdatedBy = actor.UserName;
        await db.SaveChangesAsync(ct);
        await audit.RecordAsync(actor.UserId, actor.UserName, "AlertSettings.Update", "alert-settings", $"{before} → {Describe(row)}", ct);
        return [];
    }

    private static string Describe(AlertSettings s) =>
        $"stale import {s.OrderImportStaleMinutes} min, error rate {s.ErrorRatePercent}% over {s.ErrorRateMinimumCalls} calls, token {s.TokenExpiryHours} h, sync latency {s.SyncLatencySeconds} s";
}
