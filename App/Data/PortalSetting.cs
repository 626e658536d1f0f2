namespace SellerPortal.Data;

/// <summary>A portal-wide choice an Admin makes in the app (such as requiring two-factor sign-in for Admins).</summary>
public sealed class PortalSetting
{
    public required string Key { get; set; }
    public required string Value { get; set; }
}
