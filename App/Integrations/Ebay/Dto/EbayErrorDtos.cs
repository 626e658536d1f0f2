using System.Text.Json.Serialization;

namespace SellerPortal.Integrations.Ebay.Dto;

/// <summary>eBay's error body: <c>{"errors":[{"errorId","domain","category","message","longMessage","parameters"}]}</c>.</summary>
public sealed record EbayErrorResponse(IReadOnlyList<EbayError>? Errors);

public sealed record EbayError
{
    public int ErrorId { get; init; }
    public string? Domain { get; init; }
    public string? Category { get; init; }
    public string? Message { get; init; }
    public string? LongMessage { get; init; }
    public IReadOnlyList<EbayErrorParameter>? Parameters { get; init; }
}

public sealed record EbayErrorParameter(string? Name, string? Value);

public sealed record EbayTokenResponse(
    [property: JsonPropertyName("access_token")] string? AccessToken,
    [property: JsonPropertyName("expires_in")] int ExpiresIn,
    [property: JsonPropertyName("refresh_token")] string? RefreshToken,
    [property: JsonPropertyName("refresh_token_expires_in")] int? RefreshTokenExpiresIn,
    [property: JsonPropertyName("token_type")] string? TokenType);

public sealed record EbayOAuthError(
    [property: JsonPropertyName("error")] string? Error,
    [property: JsonPropertyName("error_description")] string? ErrorDescription);

/// <summary><c>GET /commerce/notification/v1/public_key/{kid}</c>.</summary>
public sealed record EbayPublicKey(string Key, string Algorithm, string Digest);
