using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Components.Account;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;

namespace SellerPortal.Features.Admin.Users;

public sealed record StaffUserRow(
    string Id, string Email, string? DisplayName, string Role, bool LockedOut, DateTime CreatedUtc,
    bool Disabled = false, bool MustChangePassword = false, bool TwoFactor = false);

public sealed record NewStaffUser(string Email, string DisplayName, string Password, string Role);

/// <summary>
/// Admin › Users operations. Each call takes a fresh scope: a UserManager holds a DbContext, and a circuit lives long.
/// </summary>
public sealed class StaffUsers(IServiceScopeFactory scopes, AuditLog audit, TimeProvider clock, StaffSessions sessions)
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
                u.CreatedUtc,
                u.IsDisabled,
                u.MustChangePassword,
                u.TwoFactorEnabled))
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
            // The Admin chose it and told it to them: they choose their own at their first sign-in.
            MustChangePassword = true,
        };
        var created = await PortalUsers.CreateInRoleAsync(users, user, input.Password, input.Role);
        if (!created.Succeeded)
        {
            return created;
        }

        await audit.RecordAsync(actor.UserId, actor.UserName, "user.created", input.Email, $"Role {input.Role}", ct);
        return IdentityResult.Success;
    }

    public async Task<IdentityResult> SetRoleAsync(string userId, string role, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "change a user's role");
        if (userId == actor.UserId && role != Roles.Admin)
        {
            return Failed("You cannot remove your own Admin role.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = await users.FindByIdAsync(userId);
        if (user is null)
        {
            return Failed("That user no longer exists.");
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
            return Failed("That user no longer exists.");
        }

        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        await audit.RecordAsync(actor.UserId, actor.UserName, "user.unlocked", user.Email, null, ct);
        return IdentityResult.Success;
    }

    /// <summary>Turns an account off or on. Off: no sign-in, and open sessions end at their next request or at once in an open tab.</summary>
    public async Task<IdentityResult> SetDisabledAsync(string userId, bool disabled, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, disabled ? "disable a user" : "enable a user");
        if (disabled && userId == actor.UserId)
        {
            return Failed("You cannot disable your own account.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Failed("That user no longer exists.");
        }

        if (disabled && await IsLastActiveAdminAsync(users, user))
        {
            return Failed("This is the only enabled Admin: make another user Admin first.");
        }

        user.IsDisabled = disabled;
        var updated = await users.UpdateAsync(user);
        if (!updated.Succeeded)
        {
            return updated;
        }

        if (disabled)
        {
            await users.UpdateSecurityStampAsync(user);
            sessions.End(user.Id);
        }

        await audit.RecordAsync(actor.UserId, actor.UserName, disabled ? "user.disabled" : "user.enabled", user.Email, null, ct);
        return IdentityResult.Success;
    }

    /// <summary>Deletes an account for good; its audit entries keep its name.</summary>
    public async Task<IdentityResult> DeleteAsync(string userId, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "delete a user");
        if (userId == actor.UserId)
        {
            return Failed("You cannot delete your own account.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Failed("That user no longer exists.");
        }

        if (await IsLastActiveAdminAsync(users, user))
        {
            return Failed("This is the only enabled Admin: make another user Admin first.");
        }

        var deleted = await users.DeleteAsync(user);
        if (deleted.Succeeded)
        {
            sessions.End(user.Id);
            await audit.RecordAsync(actor.UserId, actor.UserName, "user.deleted", user.Email, null, ct);
        }

        return deleted;
    }

    /// <summary>
    /// Sets a temporary password the user must change at their next sign-in; their open sessions end, and a lockout
    /// from failed attempts is lifted.
    /// </summary>
    public async Task<IdentityResult> SetTemporaryPasswordAsync(string userId, string password, Actor actor, CancellationToken ct)
    {
        AdminOnly.Demand(actor, "set a user's password");
        if (userId == actor.UserId)
        {
            return Failed("Change your own password from Change password, not here.");
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return Failed("That user no longer exists.");
        }

        // Checked before anything changes, so a weak password leaves the old one in place.
        foreach (var validator in users.PasswordValidators)
        {
            if (await validator.ValidateAsync(users, user, password) is { Succeeded: false } weak)
            {
                return weak;
            }
        }

        var reset = await users.ResetPasswordAsync(user, await users.GeneratePasswordResetTokenAsync(user), password);
        if (!reset.Succeeded)
        {
            return reset;
        }

        user.MustChangePassword = true;
        await users.UpdateAsync(user);
        await users.SetLockoutEndDateAsync(user, null);
        await users.ResetAccessFailedCountAsync(user);
        sessions.End(user.Id);
        await audit.RecordAsync(actor.UserId, actor.UserName, "user.password-set", user.Email, "temporary, to be changed at sign-in", ct);
        return IdentityResult.Success;
    }

    private static async Task<bool> IsLastActiveAdminAsync(UserManager<ApplicationUser> users, ApplicationUser user) =>
        await users.IsInRoleAsync(user, Roles.Admin)
        && (await users.GetUsersInRoleAsync(Roles.Admin)).Count(a => !a.IsDisabled) <= 1;

    private static IdentityResult Failed(string description) => IdentityResult.Failed(new IdentityError { Description = description });
}
