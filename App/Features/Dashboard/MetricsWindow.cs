namespace SellerPortal.Features.Dashboard;

/// <summary>The period the integration dashboard looks back over.</summary>
public enum MetricsWindow
{
    LastHour,
    Last24Hours,
    Last7Days,
}

/// <summary>
/// How a window is cut into chart buckets. Buckets are aligned to the clock (5 minutes, 1 hour, 6 hours) so the
/// database can group by date parts (strftime on SQLite, DATEPART on SQL Server) instead of by arithmetic on times,
/// which SQLite cannot translate.
/// </summary>
public sealed record WindowShape(TimeSpan Length, int HourDivisor, int MinuteDivisor, int BucketCount, string Label)
{
    public TimeSpan Bucket => HourDivisor > 1 ? TimeSpan.FromHours(HourDivisor) : TimeSpan.FromMinutes(Math.Min(MinuteDivisor, 60));

    public static WindowShape For(MetricsWindow window) => window switch
    {
        MetricsWindow.LastHour => new(TimeSpan.FromHours(1), 1, 5, 12, "Last hour"),
        MetricsWindow.Last24Hours => new(TimeSpan.FromHours(24), 1, 60, 24, "Last 24 hours"),
        MetricsWindow.Last7Days => new(TimeSpan.FromDays(7), 6, 60, 28, "Last 7 days"),
        _ => throw new ArgumentOutOfRangeException(nameof(window), window, null),
    };

    /// <summary>The start of the bucket that holds <paramref name="utc"/>.</summary>
    public DateTime BucketStart(DateTime utc) =>
        new(utc.Year, utc.Month, utc.Day, utc.Hour / HourDivisor * HourDivisor, MinuteDivisor >= 60 ? 0 : utc.Minute / MinuteDivisor * MinuteDivisor, 0, DateTimeKind.Utc);

    /// <summary>The first of <see cref="BucketCount"/> buckets whose last one holds <paramref name="nowUtc"/>.</summary>
    public DateTime SeriesStart(DateTime nowUtc) => BucketStart(nowUtc) - (Bucket * (BucketCount - 1));
}
