using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;

namespace SellerPortal.Features.Admin.Users;

public sealed record StaffUserRow(string Id, string Email, string? DisplayName, string Role, bool LockedOut, DateTime CreatedUtc);

public sealed record NewStaffUser(string Email, string DisplayName, string Password, string Role);

/// <summary>
/// Admin › Users operations. Each call takes a fresh scope: a UserManager holds a DbContext, and a circuit lives long.
/// </summary>
public sealed class StaffUsers(IServiceScopeFactory scopes, AuditLog audit, TimeProvider clock)
{
    public async Task<IReadOnlyList<StaffUserRow>> ListAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        var now = clock.GetUtcNow();
        var users = await db.Users.AsNoTracking().OrderBy(u => u.Email).ToListAsync(ct);
        var roleNames = await (from ur in db.UserRoles
                               join r in db.Roles on ur.RoleId equals r.Id
                               select new { ur.UserId, r.Name }).ToListAsync(ct);
        return users.Select(u => new StaffUserRow(
                u.Id,
                u.Email ?? u.UserName ?? "",
                u.DisplayName,
                roleNames.Any(r => r.UserId == u.Id && r.Name == Roles.Admin) ? Roles.Admin : Roles.Staff,
                u.LockoutEnd is { } end && end > now,
                u.CreatedUtc))
            .ToList();
    }

    public async Task<IdentityResult> CreateAsync(NewStaffUser input, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "add a user");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser
        {
            UserName = input.Email,
            Email = input.Email,
            EmailConfirmed = true,
            DisplayName = input.DisplayName,
            CreatedUtc = clock.GetUtcNow().UtcDateTime,
        };
        var created = await users.CreateAsync(user, input.Password);
        if (!created.Succeeded)
        {
            return created;
        }

        var role = await users.AddToRoleAsync(user, input.Role);
        if (!role.Succeeded)
        {
            await users.DeleteAsync(user);
            return role;
        }

        await audit.RecordAsync(actor.UserId, actor.UserName, "user.created", input.Email, $"Role {input.Role}", ct);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> SetRoleAsync(string userId, string role, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "change a user's role");
        if (userId == actor.UserId && role != Roles.Admin)
        {
            return IdentityResult.Failed(new IdentityError { Description = "You cannot remove your own Admin role." });
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Description = "That user no longer exists." });
        }

        var current = await users.GetRolesAsync(user);
        var removed = await users.RemoveFromRolesAsync(user, current);
        if (!removed.Succeeded)
        {
            return removed;
        }

        var added = await users.AddToRoleAsync(user, role);
        if (added.Succeeded)
        {
            // A changed role takes effect at the next revalidation of the user's session.
            await users.UpdateSecurityStampAsync(user);
            await audit.RecordAsync(actor.UserId, actor.UserName, "user.role-changed", user.Email, $"Role {role}", ct);
        }

        return added;
    }

    public async Task<IdentityResult> UnlockAsync(string userId, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "unlock a user");
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Description = "That user no longer exists." });
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(actor.UserId, actor.UserName, "user.unlocked", user.Email, null, ct);
        return IdentityResult.Success;
    }
}
