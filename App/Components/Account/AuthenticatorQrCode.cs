using QRCoder;

namespace SellerPortal.Components.Account;

/// <summary>
/// The otpauth URI authenticator apps read (Key Uri Format: github.com/google/google-authenticator/wiki/Key-Uri-Format)
/// and its QR code as inline SVG, drawn here so nothing is fetched from elsewhere.
/// </summary>
public static class AuthenticatorQrCode
{
    public static string Uri(string issuer, string account, string sharedKey) =>
        $"otpauth://totp/{System.Uri.EscapeDataString(issuer)}:{System.Uri.EscapeDataString(account)}?secret={sharedKey}&issuer={System.Uri.EscapeDataString(issuer)}&digits=6";

    public static string Svg(string uri)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(uri, QRCodeGenerator.ECCLevel.Q);
        return new SvgQRCode(data).GetGraphic(4);
    }
}
