using System.Security.Claims;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using SellerPortal.Data;

namespace SellerPortal.Components.Account;

/// <summary>Adds the portal's "must do this first" claims (<see cref="StaffClaims"/>) to the user's principal.</summary>
public sealed class StaffClaimsPrincipalFactory(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    IOptions<IdentityOptions> options,
    StaffSecurityPolicy policy)
    : UserClaimsPrincipalFactory<ApplicationUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(ApplicationUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (user.MustChangePassword)
        {
            identity.AddClaim(new Claim(StaffClaims.MustChangePassword, "true"));
        }

        if (!user.TwoFactorEnabled
            && identity.HasClaim(Options.ClaimsIdentity.RoleClaimType, Roles.Admin)
            && await policy.RequiresTwoFactorForAdminsAsync(CancellationToken.None))
        {
            identity.AddClaim(new Claim(StaffClaims.MustEnrollTwoFactor, "true"));
        }

        return identity;
    }
}
