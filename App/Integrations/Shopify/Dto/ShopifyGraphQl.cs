using System.Text.Json;

namespace SellerPortal.Integrations.Shopify.Dto;

// The GraphQL envelope as Shopify's Admin API sends and answers it (shopify.md §4.3, §4.5). Members are named as the
// wire names them; ShopifyJson's camelCase policy writes them.

public sealed record ShopifyGraphQlRequest(string Query, object? Variables, string? OperationName);

public sealed record ShopifyGraphQlResponse<T>
{
    public T? Data { get; init; }

    public IReadOnlyList<ShopifyGraphQlError>? Errors { get; init; }

    public ShopifyResponseExtensions? Extensions { get; init; }
}

public sealed record ShopifyGraphQlError
{
    public string Message { get; init; } = "";

    public IReadOnlyList<JsonElement>? Path { get; init; }

    public ShopifyGraphQlErrorExtensions? Extensions { get; init; }
}

public sealed record ShopifyGraphQlErrorExtensions
{
    public string? Code { get; init; }

    public string? Documentation { get; init; }
}

public sealed record ShopifyResponseExtensions
{
    public ShopifyQueryCost? Cost { get; init; }
}

/// <summary><c>extensions.cost</c>: what the query was estimated at, what it took, and the bucket after it.</summary>
public sealed record ShopifyQueryCost
{
    public double? RequestedQueryCost { get; init; }

    public double? ActualQueryCost { get; init; }

    public ShopifyThrottleStatus? ThrottleStatus { get; init; }
}

public sealed record ShopifyThrottleStatus(double MaximumAvailable, double CurrentlyAvailable, double RestoreRate);

/// <summary>A mutation's <c>userErrors</c>: the input path (<c>["variants","0","price"]</c>), a message, and a code where the type has one.</summary>
public sealed record ShopifyUserError
{
    public string? Code { get; init; }

    public IReadOnlyList<string>? Field { get; init; }

    public string Message { get; init; } = "";
}

public sealed record ShopifyConnection<T>
{
    public IReadOnlyList<T> Nodes { get; init; } = [];

    public ShopifyPageInfo? PageInfo { get; init; }
}

public sealed record ShopifyPageInfo(bool HasNextPage, string? EndCursor);

/// <summary>The OAuth token endpoint's answer: expiring offline tokens add the expiry and a refresh token.</summary>
public sealed record ShopifyTokenResponse
{
    [System.Text.Json.Serialization.JsonPropertyName("access_token")] public string? AccessToken { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("scope")] public string? Scope { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("expires_in")] public int? ExpiresIn { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("refresh_token")] public string? RefreshToken { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("refresh_token_expires_in")] public int? RefreshTokenExpiresIn { get; init; }
}

/// <summary>The OAuth error shape: <c>{"error","error_description"}</c>; some answers carry <c>{"errors":"…"}</c> instead.</summary>
public sealed record ShopifyOAuthError
{
    [System.Text.Json.Serialization.JsonPropertyName("error")] public string? Error { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("error_description")] public string? ErrorDescription { get; init; }
    [System.Text.Json.Serialization.JsonPropertyName("errors")] public JsonElement? Errors { get; init; }
}
