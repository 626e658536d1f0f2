using System.Text.Json.Serialization;

namespace SellerPortal.Integrations.Amazon.Dto;

/// <summary>SP-API's error body: <c>{"errors":[{"code","message","details"}]}</c>.</summary>
public sealed record AmazonErrorResponse([property: JsonPropertyName("errors")] IReadOnlyList<AmazonError>? Errors);

public sealed record AmazonError(
    [property: JsonPropertyName("code")] string Code,
    [property: JsonPropertyName("message")] string? Message,
    [property: JsonPropertyName("details")] string? Details = null);

/// <summary>Login with Amazon token answer.</summary>
public sealed record LwaTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("token_type")] string? TokenType,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken);

/// <summary>Login with Amazon error: <c>{"error":"invalid_grant","error_description":"..."}</c>.</summary>
public sealed record LwaErrorResponse(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);
