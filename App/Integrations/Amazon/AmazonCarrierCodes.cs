using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Amazon;

/// <summary>
/// The carrier codes Amazon takes in confirmShipment's <c>carrierCode</c> (the CarrierCode values of Amazon's order
/// fulfillment schema, the same list Seller Central offers). A carrier typed by staff that is not one of them goes as
/// <c>Other</c> with the typed name in <c>carrierName</c>, which Amazon then requires.
/// https://developer-docs.amazon.com/sp-api/reference/confirmshipment
/// </summary>
public static class AmazonCarrierCodes
{
    public const string Other = "Other";

    public static IReadOnlyList<string> All { get; } =
    [
        "AFL/Fedex", "Aramex", "Blue Package", "BlueDart", "Canada Post", "Chronopost", "City Link", "DHL", "DHL Global Mail",
        "DPD", "DTDC", "Delhivery", "Deutsche Post", "FEDEX_JP", "Fastway", "FedEx", "FedEx SmartPost", "First Flight", "GLS",
        "GO!", "Hermes Logistik Gruppe", "India Post", "JP_EXPRESS", "La Poste", "Lasership", "NITTSU", "Newgistics",
        "NipponExpress", "OSM", "OnTrac", "Overnite Express", "Parcelforce", "Parcelnet", "Poste Italiane", "Professional",
        "Royal Mail", "SAGAWA", "SDA", "SagawaExpress", "Smartmail", "Streamlite", "TNT", "Target", "UPS",
        "UPS Mail Innovations", "UPSMI", "USPS", "YAMATO", "YamatoTransport", "Yodel", Other,
    ];

    /// <summary>Names staff commonly type for a carrier whose code is spelled otherwise.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.OrdinalIgnoreCase)
    {
        ["Fed Ex"] = "FedEx",
        ["Federal Express"] = "FedEx",
        ["United States Postal Service"] = "USPS",
        ["US Postal Service"] = "USPS",
        ["United Parcel Service"] = "UPS",
        ["DHL Express"] = "DHL",
        ["Hermes"] = "Hermes Logistik Gruppe",
        ["Blue Dart"] = "BlueDart",
        ["LaserShip"] = "Lasership",
        ["Yamato"] = "YamatoTransport",
    };

    private static readonly Dictionary<string, string> ByName = All.ToDictionary(c => c, c => c, StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The carrierCode and carrierName to send for what staff typed: Amazon's own spelling of a known carrier (and no
    /// name), otherwise <c>Other</c> with the typed name.
    /// </summary>
    public static (string Code, string? Name) Resolve(string typed)
    {
        var trimmed = typed.Trim();
        if (trimmed.Length == 0 || string.Equals(trimmed, Other, StringComparison.OrdinalIgnoreCase))
        {
            throw new ChannelValidationException(ChannelKind.Amazon, "Name the carrier to confirm an Amazon shipment.",
                [new ChannelFieldError("carrier", "A carrier name is required.")]);
        }

        if (ByName.TryGetValue(trimmed, out var code) || Aliases.TryGetValue(trimmed, out code))
        {
            return (code, null);
        }

        return (Other, trimmed);
    }
}
