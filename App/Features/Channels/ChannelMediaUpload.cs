namespace SellerPortal.Features.Channels;

/// <summary>
/// One master image as a channel account holds it: the URL of ours and the channel's own reference for its copy
/// (TikTok Shop's image uri). See <see cref="Integrations.Abstractions.IChannelMediaCache"/>.
/// </summary>
public sealed class ChannelMediaUpload
{
    public int Id { get; set; }
    public int ChannelAccountId { get; set; }
    public ChannelAccount? ChannelAccount { get; set; }

    /// <summary>The image's URL in the master catalog.</summary>
    public string SourceUrl { get; set; } = "";

    /// <summary>Lower-case hex SHA-256 of <see cref="SourceUrl"/>: the lookup key (URLs are too long to index on SQL Server).</summary>
    public string SourceUrlHash { get; set; } = "";

    public string ChannelReference { get; set; } = "";
    public DateTime UploadedUtc { get; set; }
}
