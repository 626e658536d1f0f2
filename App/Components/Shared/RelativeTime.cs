namespace SellerPortal.Components.Shared;

/// <summary>
/// How a time reads at a glance, past or future: "just now", "3 min ago", "in 55 min", "2 hours ago", "in 6 days".
/// The exact time goes in a tooltip beside it. Pure: the caller passes now from its <see cref="TimeProvider"/>.
/// </summary>
public static class RelativeTime
{
    /// <summary>
    /// Under a minute either way is "just now". Otherwise the span is rounded to the nearest minute, hour or day, and
    /// the unit grows once the rounded figure reaches the next one, so 59 min 40 s reads "1 hour", never "60 min", and
    /// a token that expires in 5.99 days reads "in 6 days".
    /// </summary>
    public static string Format(DateTime utc, DateTime nowUtc)
    {
        var delta = utc - nowUtc;
        var span = delta.Duration();
        if (span < TimeSpan.FromMinutes(1))
        {
            return "just now";
        }

        var amount = Rounded(span.TotalMinutes) is var minutes && minutes < 60 ? $"{minutes} min"
            : Rounded(span.TotalHours) is var hours && hours < 24 ? Plural(hours, "hour")
            : Plural(Rounded(span.TotalDays), "day");
        return delta > TimeSpan.Zero ? $"in {amount}" : $"{amount} ago";
    }

    /// <summary>As <see cref="Format(DateTime, DateTime)"/>, with the caller's words for no time at all ("never synced").</summary>
    public static string Format(DateTime? utc, DateTime nowUtc, string none) => utc is { } value ? Format(value, nowUtc) : none;

    private static long Rounded(double value) => (long)Math.Round(value, MidpointRounding.AwayFromZero);

    private static string Plural(long n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";
}
