namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// What a channel calls a picture of ours once it holds a copy: channels that refuse outside URLs (TikTok Shop's
/// main_images take only URIs of its own upload API) get each master image uploaded once per account, and the answer
/// is kept here so the next publish or edit sends the same reference without uploading again.
/// </summary>
public interface IChannelMediaCache
{
    /// <summary>The channel's reference for <paramref name="sourceUrl"/> on this account, or null when never uploaded.</summary>
    Task<string?> FindAsync(int accountId, string sourceUrl, CancellationToken ct);

    /// <summary>Keeps the reference; a second upload of the same URL (two publishes racing) keeps the first one.</summary>
    Task RememberAsync(int accountId, string sourceUrl, string channelReference, CancellationToken ct);
}
