using System.Globalization;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Etsy;

/// <summary>
/// Reads the budget Etsy states on every answer (etsy.md §3.3: <c>x-limit-per-day</c>, <c>x-remaining-today</c>) into the
/// account's daily quota, so the Sync page shows Etsy's own count and a restart does not hand out a fresh day.
/// </summary>
public sealed class EtsyQuotaHeaders(ChannelRateLimiters limiters) : DelegatingHandler
{
    public const string RemainingToday = "x-remaining-today";

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var response = await base.SendAsync(request, cancellationToken);
        if (request.Options.TryGetValue(ChannelRequestOptions.Account, out var account) && account is not null
            && response.Headers.TryGetValues(RemainingToday, out var values)
            && int.TryParse(values.FirstOrDefault(), NumberStyles.None, CultureInfo.InvariantCulture, out var remaining))
        {
            limiters.ReportRemainingToday(ChannelKind.Etsy, account, remaining);
        }

        return response;
    }
}
