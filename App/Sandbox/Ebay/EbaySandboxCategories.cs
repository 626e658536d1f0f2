namespace SellerPortal.Sandbox.Ebay;

/// <summary>
/// The few leaf categories whose publishing rules the emulator knows, as getItemAspectsForCategory reports them
/// (aspectRequired) and as eBay requires pictures for them
/// (https://developer.ebay.com/api-docs/commerce/taxonomy/resources/category_tree/methods/getItemAspectsForCategory).
/// Other categories get the checks every offer gets.
/// </summary>
internal static class EbaySandboxCategories
{
    public sealed record CategoryRules(IReadOnlyList<string> RequiredAspects, bool PicturesRequired);

    public static readonly IReadOnlyDictionary<string, CategoryRules> Rules = new Dictionary<string, CategoryRules>(StringComparer.Ordinal)
    {
        // eBay Motors > Parts & Accessories > Car & Truck Parts > Brakes > Brake Pads.
        ["33560"] = new(["Brand"], true),
    };
}
