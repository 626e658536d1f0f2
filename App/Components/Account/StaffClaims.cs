namespace SellerPortal.Components.Account;

/// <summary>Claims the portal adds to a signed-in member of staff, recomputed at every request.</summary>
public static class StaffClaims
{
    /// <summary>The password was set by an Admin; every page leads to Change password until it is changed.</summary>
    public const string MustChangePassword = "sellerportal:must-change-password";

    /// <summary>An Admin without an authenticator while Admins must have one; every page leads to its setup.</summary>
    public const string MustEnrollTwoFactor = "sellerportal:must-enroll-2fa";
}
