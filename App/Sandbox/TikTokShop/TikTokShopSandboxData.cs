using SellerPortal.Sandbox.Common;

namespace SellerPortal.Sandbox.TikTokShop;

/// <summary>An emulated seller and the one shop its consent covers.</summary>
/// <summary>
/// An emulated seller and the one shop its consent covers. The shop has two sales warehouses, the default first, so
/// a client that leaves one out of an inventory update is caught.
/// </summary>
public sealed record SandboxTikTokShop(
    string Id, string Name, string Region, string Cipher, string Code, string SellerType, string OpenId, string SellerName, string WarehouseId,
    string? SecondWarehouseId = null)
{
    public IReadOnlyList<string> Warehouses => SecondWarehouseId is null ? [WarehouseId] : [WarehouseId, SecondWarehouseId];
}

public sealed record SandboxAuthCode(string Code, string OpenId, long ExpiresAt, bool Used);

public sealed record SandboxAccessToken(string Token, string OpenId, long ExpiresAt, bool Revoked);

public sealed record SandboxRefreshToken(string Token, string OpenId, long ExpiresAt, bool Used, bool Revoked);

internal sealed record SandboxProduct(string ShopId, string? CategoryId, string? IdempotencyKey, TikTokWireProduct Product);

/// <summary>A picture uploaded to the shop's seller (Upload Product Image): only these uris may be named in main_images.</summary>
internal sealed record SandboxImage(string Uri, string OpenId, int Width, int Height, string UseCase);

internal sealed record SandboxOrder(string ShopId, TikTokWireOrder Order) : ISandboxOwned
{
    [System.Text.Json.Serialization.JsonIgnore]
    public string Owner => ShopId;
}

/// <summary>The emulator's error codes: TikTok's where the notes give them, otherwise marked as our choice.</summary>
public static class SandboxCodes
{
    public const int InvalidAccessToken = 105001;
    public const int ExpiredAccessToken = 105002;
    public const int InvalidSign = 106001;
    public const int MissingShopCipher = 106013;
    public const int RateLimited = 36009002;
    public const int InternalError = 36009003;
    public const int InvalidCommonParameter = 36009004;
    public const int RefreshTokenExpired = 36004001;
    public const int AuthRecordNotFound = 36004005;
    /// <summary>Emulator's choice (real code not confirmed): a bad request parameter or body field.</summary>
    public const int InvalidParameter = 36009001;
    /// <summary>Emulator's choice (real code not confirmed): product or SKU unknown to the shop.</summary>
    public const int ProductNotFound = 12052048;
    /// <summary>From TikTok's inventory example: per-SKU "Check failed" with warehouse detail 12052097.</summary>
    public const int CheckFailed = 12052990;
    public const int WarehouseNotFound = 12052097;
    /// <summary>Emulator's choice (real code not confirmed): order unknown, or not in a state that allows the call.</summary>
    public const int OrderNotFound = 21011001;
    public const int OrderStateInvalid = 21011002;
    /// <summary>Emulator's choice (real code not confirmed): a main_images uri this seller never uploaded.</summary>
    public const int ImageNotFound = 12052217;
    /// <summary>Emulator's choice (real code not confirmed): an inventory update that leaves out one of the SKU's warehouses.</summary>
    public const int WarehouseMissing = 12052098;
}
