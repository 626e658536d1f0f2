using System.Threading.RateLimiting;
using Microsoft.Extensions.Options;

namespace SellerPortal.Features.PublicDoors;

/// <summary>
/// Sign-in attempts per account name, whichever address they come from (a spray of guesses at one user from many
/// addresses). Identity's lockout counts failures; this caps attempts of any outcome.
/// </summary>
public sealed class SignInThrottle(IOptions<PublicDoorOptions> options) : IDisposable
{
    private readonly PartitionedRateLimiter<string> limiter = PartitionedRateLimiter.Create<string, string>(name =>
        RateLimitPartition.GetFixedWindowLimiter(name, _ => new FixedWindowRateLimiterOptions
        {
            PermitLimit = options.Value.SignInPerAccountPerMinute,
            Window = TimeSpan.FromMinutes(1),
            QueueLimit = 0,
        }));

    /// <summary>True when another attempt for this account name may go ahead now.</summary>
    public bool TryAttempt(string accountName)
    {
        using var lease = limiter.AttemptAcquire(accountName.Trim().ToUpperInvariant());
        return lease.IsAcquired;
    }

    public void Dispose() => limiter.Dispose();
}
