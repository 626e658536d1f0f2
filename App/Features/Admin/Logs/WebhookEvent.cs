namespace SellerPortal.Features.Admin.Logs;

/// <summary>Every webhook received, with its verification result and what came of it.</summary>
public sealed class WebhookEvent
{
    public long Id { get; set; }
    public required string Channel { get; set; }
    public int? ChannelAccountId { get; set; }
    /// <summary>The channel's identity of the event; unique per channel, so a duplicate delivery is a no-op.</summary>
    public required string EventId { get; set; }
    public string? EventType { get; set; }
    public bool SignatureValid { get; set; }
    public string? Payload { get; set; }
    /// <summary>The headers the signature was checked with (JSON), so a replay goes through the same verification.</summary>
    public string? Headers { get; set; }
    public WebhookOutcome Outcome { get; set; }
    public string? Error { get; set; }
    public DateTime ReceivedUtc { get; set; }
    public DateTime? ProcessedUtc { get; set; }
}

public enum WebhookOutcome
{
    Received,
    Processed,
    Duplicate,
    Rejected,
    Failed,
}
