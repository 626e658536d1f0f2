namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// A webhook as received: the exact bytes of its body (signatures are checked over them, never over a decoded
/// string) and its headers. <see cref="Body"/> is the UTF-8 text, for parsing and storing after the check.
/// </summary>
public sealed record WebhookRequest(string Path, IReadOnlyDictionary<string, string> Headers, ReadOnlyMemory<byte> RawBody)
{
    private string? text;

    /// <summary>A body given as text (a stored event, a test) travels as its UTF-8 bytes.</summary>
    public WebhookRequest(string path, IReadOnlyDictionary<string, string> headers, string body)
        : this(path, headers, System.Text.Encoding.UTF8.GetBytes(body))
    {
        text = body;
    }

    public string Body => text ??= System.Text.Encoding.UTF8.GetString(RawBody.Span);

    /// <summary>
    /// A stored event replayed by staff, verified again but not refused for its age (the freshness window guards the
    /// public door against replays from outside, not the portal's own replay).
    /// </summary>
    public bool IsReplay { get; init; }

    public string? Header(string name) =>
        Headers.FirstOrDefault(h => string.Equals(h.Key, name, StringComparison.OrdinalIgnoreCase)).Value;
}

/// <summary>The verdict on a webhook and, when valid, the event's identity and what it asks of us.</summary>
public sealed record WebhookVerification(
    bool SignatureValid,
    string? EventId,
    string? EventType,
    string? ShopId,
    IReadOnlyList<WebhookAction> Actions,
    string? Error = null)
{
    public static WebhookVerification Rejected(string error) => new(false, null, null, null, [], error);

    /// <summary>
    /// The body names a person (eBay's account deletion notice: a buyer's user id and username). The webhook log then
    /// keeps only the event id and a digest of the body, never the body or its headers.
    /// </summary>
    public bool NamesAPerson { get; init; }
}

public abstract record WebhookAction;

/// <summary>Fetch this order now instead of waiting for the next poll.</summary>
public sealed record RefreshOrderAction(string ExternalOrderId) : WebhookAction;

/// <summary>Erase this buyer's personal data from imported orders (eBay account deletion).</summary>
public sealed record EraseBuyerDataAction(string BuyerUsername) : WebhookAction;

/// <summary>The seller revoked our access: the account needs reconnecting.</summary>
public sealed record AuthorizationRevokedAction : WebhookAction;

/// <summary>
/// Where a marketplace's own webhook endpoint (eBay's account deletion door) hands a request: the portal's webhook
/// intake, which verifies, deduplicates and stores it with the work it asks for.
/// </summary>
public interface IWebhookReceiver
{
    Task<WebhookIntakeResult> ReceiveAsync(ChannelKind channel, WebhookRequest request, CancellationToken ct);
}

public enum WebhookIntakeOutcome
{
    Accepted,
    Duplicate,
    Rejected,
    UnknownChannel,
}

public sealed record WebhookIntakeResult(WebhookIntakeOutcome Outcome, long? EventId = null);
