
namespace SellerPortal.Integrations.Abstractions;

/// <summary>
/// A failed call to a channel. Every subtype carries the channel's own error code, its message and the request id
/// where the channel gives one, so a staff member sees a sentence and an admin can find the call.
/// </summary>
public abstract class ChannelException(
    ChannelKind channel,
    string message,
    string? errorCode,
    string? requestId,
    int? httpStatus,
    Exception? inner = null) : Exception(message, inner)
{
    public ChannelKind Channel { get; } = channel;
    public string? ErrorCode { get; } = errorCode;
    public string? RequestId { get; } = requestId;
    public int? HttpStatus { get; } = httpStatus;
}

/// <summary>Credentials rejected, token expired or revoked.</summary>
public sealed class ChannelAuthException(
    ChannelKind channel, string message, string? errorCode = null, string? requestId = null, int? httpStatus = 401,
    bool requiresReauthorization = false, Exception? inner = null)
    : ChannelException(channel, message, errorCode, requestId, httpStatus, inner)
{
    /// <summary>True when only the seller can fix it by connecting again (refresh token revoked or expired).</summary>
    public bool RequiresReauthorization { get; } = requiresReauthorization;
}

/// <summary>Too many requests; <see cref="RetryAfter"/> is the channel's hint when it gave one.</summary>
public sealed class ChannelRateLimitException(
    ChannelKind channel, string message, TimeSpan? retryAfter, string? errorCode = null, string? requestId = null, Exception? inner = null)
    : ChannelException(channel, message, errorCode, requestId, 429, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}

/// <summary>The channel refused the content; <see cref="FieldErrors"/> names what to fix.</summary>
public sealed class ChannelValidationException(
    ChannelKind channel, string message, IReadOnlyList<ChannelFieldError> fieldErrors,
    string? errorCode = null, string? requestId = null, int? httpStatus = 400, Exception? inner = null)
    : ChannelException(channel, message, errorCode, requestId, httpStatus, inner)
{
    public IReadOnlyList<ChannelFieldError> FieldErrors { get; } = fieldErrors;
}

public sealed record ChannelFieldError(string? Field, string Message, string? Sku = null);

public sealed class ChannelNotFoundException(
    ChannelKind channel, string message, string? errorCode = null, string? requestId = null, Exception? inner = null)
    : ChannelException(channel, message, errorCode, requestId, 404, inner);

/// <summary>The channel failed on its side (5xx).</summary>
public sealed class ChannelServerException(
    ChannelKind channel, string message, string? errorCode = null, string? requestId = null, int? httpStatus = 500, Exception? inner = null)
    : ChannelException(channel, message, errorCode, requestId, httpStatus, inner);

/// <summary>No answer: connection refused or dropped, DNS, timeout, circuit open.</summary>
public class ChannelNetworkException(ChannelKind channel, string message, Exception? inner = null)
    : ChannelException(channel, message, null, null, null, inner);

/// <summary>
/// The account's circuit is open after repeated failures: the call was not sent at all. Work that hits it waits for
/// <see cref="RetryAfter"/> without spending one of its attempts.
/// </summary>
public sealed class ChannelPausedException(ChannelKind channel, string message, TimeSpan? retryAfter, Exception? inner = null)
    : ChannelNetworkException(channel, message, inner)
{
    public TimeSpan? RetryAfter { get; } = retryAfter;
}
