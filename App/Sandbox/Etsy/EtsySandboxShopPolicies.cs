namespace SellerPortal.Sandbox.Etsy;

/// <summary>
/// A shop's shipping profiles (getShopShippingProfiles) and return policies (getShopReturnPolicies), both
/// <c>{count, results}</c> and read with the <c>shops_r</c> scope. Every emulated shop has the same two profiles and two
/// policies, as if set up once in Shop Manager; creating them is not modelled (Etsy cannot create calculated profiles
/// through the API either).
/// </summary>
internal static class EtsySandboxShopPolicies
{
    public static readonly IReadOnlyList<EtsyWireShippingProfile> ShippingProfiles =
    [
        new(EtsySandboxListings.ShippingProfileId, "Standard shipping", "US", false, 1, 3),
        new(EtsySandboxListings.ShippingProfileId + 1, "Made to order, 2 weeks", "US", false, 10, 14),
    ];

    public static readonly IReadOnlyList<EtsyWireReturnPolicy> ReturnPolicies =
    [
        new(ReturnPolicyId, true, true, 30),
        new(ReturnPolicyId + 1, false, false, null),
    ];

    public const long ReturnPolicyId = 1_274_903_311;

    public static bool IsShippingProfile(string? id) => ShippingProfiles.Any(p => p.ShippingProfileId.ToString(System.Globalization.CultureInfo.InvariantCulture) == id);

    public static bool IsReturnPolicy(string? id) => ReturnPolicies.Any(p => p.ReturnPolicyId.ToString(System.Globalization.CultureInfo.InvariantCulture) == id);

    public static void Map(RouteGroupBuilder etsy)
    {
        var shop = etsy.MapGroup("/v3/application/shops/{shop_id}");
        shop.MapGet("/shipping-profiles", (string shop_id) => Results.Json(new EtsyWireShippingProfiles(ShippingProfiles.Count, ShippingProfiles), EtsySandboxJson.Options))
            .Api("shops_r");
        shop.MapGet("/policies/return", (string shop_id) =>
                Results.Json(new EtsyWireReturnPolicies(ReturnPolicies.Count, [.. ReturnPolicies.Select(p => p with { ShopId = long.Parse(shop_id, System.Globalization.CultureInfo.InvariantCulture) })]), EtsySandboxJson.Options))
            .Api("shops_r");
    }
}
