using Microsoft.AspNetCore.Identity;

namespace SellerPortal.Data;

/// <summary>A member of the merchant's staff.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }
    /// <summary>Light/dark choice, remembered per user.</summary>
    public bool PrefersDarkMode { get; set; }
    public DateTime CreatedUtc { get; set; }
    /// <summary>An Admin turned the account off: no sign-in, and open sessions end at their next request.</summary>
    public bool IsDisabled { get; set; }
    /// <summary>The password was set by an Admin: the user must choose their own before anything else.</summary>
    public bool MustChangePassword { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public static readonly IReadOnlyList<string> All = [Admin, Staff];
}
