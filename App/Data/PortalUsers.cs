using Microsoft.AspNetCore.Identity;

namespace SellerPortal.Data;

/// <summary>
/// Seeding the portal's roles and users, in one place for first-run setup, the benches and both test projects: the
/// roles exist before anyone is put in one, and a user is created with their role or not at all.
/// </summary>
public static class PortalUsers
{
    public static async Task EnsureRolesAsync(RoleManager<IdentityRole> roles)
    {
        foreach (var role in Roles.All)
        {
            if (!await roles.RoleExistsAsync(role))
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
        }
    }

    /// <summary>
    /// Creates <paramref name="user"/> with <paramref name="password"/> in <paramref name="role"/>; when the role cannot
    /// be given, the user is deleted again, so nobody exists without the role they were created for.
    /// </summary>
    public static async Task<IdentityResult> CreateInRoleAsync(UserManager<ApplicationUser> users, ApplicationUser user, string password, string role)
    {
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return created;
        }

        var inRole = await users.AddToRoleAsync(user, role);
        if (!inRole.Succeeded)
        {
            await users.DeleteAsync(user);
        }

        return inRole;
    }

    /// <summary>A confirmed user named by their email, in <paramref name="role"/>, unless one with that email exists (tests and benches).</summary>
    public static async Task EnsureAsync(IServiceProvider services, string email, string password, string role)
    {
        await using var scope = services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        await EnsureRolesAsync(scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>());
        if (await users.FindByEmailAsync(email) is null)
        {
            var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = email };
            var result = await CreateInRoleAsync(users, user, password, role);
            if (!result.Succeeded)
            {
                throw new InvalidOperationException(string.Join(" ", result.Errors.Select(e => e.Description)));
            }
        }
    }
}
