namespace SellerPortal.Features.Channels;

/// <summary>"in 6 days", "3 hours ago": how a time reads at a glance (the exact time goes in a tooltip).</summary>
public static class RelativeTime
{
    public static string Format(DateTime utc, DateTime nowUtc)
    {
        var delta = utc - nowUtc;
        var span = delta.Duration();
        var amount = span switch
        {
            _ when span < TimeSpan.FromMinutes(1) => null,
            _ when span < TimeSpan.FromHours(1) => Plural(span.TotalMinutes, "minute"),
            _ when span < TimeSpan.FromDays(1) => Plural(span.TotalHours, "hour"),
            _ => Plural(span.TotalDays, "day"),
        };
        if (amount is null)
        {
            return "just now";
        }

        return delta >= TimeSpan.Zero ? $"in {amount}" : $"{amount} ago";
    }

    // Rounded, so a token that expires in 5.99 days reads "in 6 days".
    private static string Plural(double value, string unit)
    {
        var n = (int)Math.Round(value, MidpointRounding.AwayFromZero);
        return n == 1 ? $"1 {unit}" : $"{n} {unit}s";
    }
}
