namespace SellerPortal.Features.Admin.Logs;

/// <summary>One outbound call to a channel. No tokens, no buyer personal data: the path is redacted.</summary>
public sealed class ApiCallLog
{
    public long Id { get; set; }
    public int? ChannelAccountId { get; set; }
    public required string Channel { get; set; }
    public required string Operation { get; set; }
    public required string Method { get; set; }
    public required string Path { get; set; }
    public int? HttpStatus { get; set; }
    public int DurationMs { get; set; }
    public string? ErrorCode { get; set; }
    public string? ErrorMessage { get; set; }
    public string? RequestId { get; set; }
    public DateTime StartedUtc { get; set; }
}
