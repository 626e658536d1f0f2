using Microsoft.AspNetCore.Identity;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;

namespace SellerPortal.Features.Setup;

/// <summary>Creates the first Admin while no user exists, and refuses once one does.</summary>
public sealed class FirstAdminSetup(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    SetupState state,
    AuditLog audit,
    TimeProvider clock)
{
    // One setup at a time in this process; the user-exists check inside makes a second one fail.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public async Task<SetupResult> CreateFirstAdminAsync(string email, string displayName, string password, CancellationToken ct)
    {
        await Gate.WaitAsync(ct);
        try
        {
            if (await state.IsCompleteAsync(ct))
            {
                return SetupResult.Fail("Setup is already complete. Sign in with an existing account.");
            }

            foreach (var role in Roles.All)
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    await roles.CreateAsync(new IdentityRole(role));
                }
            }

            var user = new ApplicationUser
            {
                UserName = email,
                Email = email,
                EmailConfirmed = true,
                DisplayName = displayName,
                CreatedUtc = clock.GetUtcNow().UtcDateTime,
            };
            var created = await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return SetupResult.Fail(string.Join(" ", created.Errors.Select(e => e.Description)));
            }

            var inRole = await users.AddToRoleAsync(user, Roles.Admin);
            if (!inRole.Succeeded)
            {
                // Never leave a user without the role that setup promised.
                await users.DeleteAsync(user);
                return SetupResult.Fail(string.Join(" ", inRole.Errors.Select(e => e.Description)));
            }

            state.MarkComplete();
            await audit.RecordAsync(user.Id, email, "setup.first-admin", email, "First admin created at setup", ct);
            return SetupResult.Ok(user);
        }
        finally
        {
            Gate.Release();
        }
    }
}

public sealed record SetupResult(bool Succeeded, string? Error, ApplicationUser? User)
{
    public static SetupResult Ok(ApplicationUser user) => new(true, null, user);
    public static SetupResult Fail(string error) => new(false, error, null);
}
