using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// What the Sync page reads: each account's client-side limiters (<see cref="ChannelRateLimiters"/>) and, after them,
/// the buckets its channel keeps on its own terms (<see cref="IChannelRateBuckets"/>).
/// </summary>
public sealed class ChannelRateLimitSnapshots(ChannelRateLimiters limiters, IEnumerable<IChannelRateBuckets> channels) : IRateLimitSnapshots
{
    private readonly ILookup<ChannelKind, IChannelRateBuckets> byChannel = channels.ToLookup(c => c.Channel);

    public AccountRateLimitSnapshot For(ChannelAccountContext account)
    {
        var snapshot = limiters.For(account);
        var own = byChannel[account.Channel].SelectMany(c => c.For(account)).ToList();
        return own.Count == 0 ? snapshot : snapshot with { Buckets = [.. snapshot.Buckets, .. own] };
    }
}
