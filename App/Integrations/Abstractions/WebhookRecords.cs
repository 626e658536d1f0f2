namespace SellerPortal.Integrations.Abstractions;

/// <summary>A webhook as received: raw body (signatures are over the exact bytes) and headers.</summary>
public sealed record WebhookRequest(string Path, IReadOnlyDictionary<string, string> Headers, string Body)
{
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
}

public abstract record WebhookAction;

/// <summary>Fetch this order now instead of waiting for the next poll.</summary>
public sealed record RefreshOrderAction(string ExternalOrderId) : WebhookAction;

/// <summary>Erase this buyer's personal data from imported orders (eBay account deletion).</summary>
public sealed record EraseBuyerDataAction(string BuyerUsername) : WebhookAction;

/// <summary>The seller revoked our access: the account needs reconnecting.</summary>
public sealed record AuthorizationRevokedAction : WebhookAction;
