using Microsoft.AspNetCore.Identity;

namespace SellerPortal.Data;

/// <summary>A member of the merchant's staff.</summary>
public sealed class ApplicationUser : IdentityUser
{
    public string? DisplayName { get; set; }
    /// <summary>Light/dark choice, remembered per user.</summary>
    public bool PrefersDarkMode { get; set; }
    public DateTime CreatedUtc { get; set; }
}

public static class Roles
{
    public const string Admin = "Admin";
    public const string Staff = "Staff";
    public static readonly IReadOnlyList<string> All = [Admin, Staff];
}
