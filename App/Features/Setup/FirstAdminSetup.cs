using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;

namespace SellerPortal.Features.Setup;

/// <summary>
/// Creates the first Admin while no user exists, and refuses once one does. From anywhere but the server itself it
/// asks for the <see cref="SetupCode"/>. The check that no user exists and the creation are one serializable
/// transaction, so two app instances on one database cannot both create a first admin.
/// </summary>
public sealed class FirstAdminSetup(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    AppDbContext db,
    SetupState state,
    SetupCode code,
    AuditLog audit,
    TimeProvider clock)
{
    // One setup at a time in this process; the user-exists check inside makes a second one fail.
    private static readonly SemaphoreSlim Gate = new(1, 1);

    public const string AlreadyComplete = "Setup is already complete. Sign in with an existing account.";

    public async Task<SetupResult> CreateFirstAdminAsync(
        string email, string displayName, string password, bool fromTheServer, string? setupCode, CancellationToken ct)
    {
        if (!fromTheServer && !code.Matches(setupCode))
        {
            return SetupResult.Fail("That setup code is not right. The app wrote it to its log when it started (look for \"setup code\").");
        }

        await Gate.WaitAsync(ct);
        try
        {
            if (await state.IsCompleteAsync(ct))
            {
                return SetupResult.Fail(AlreadyComplete);
            }

            return await CreateInTransactionAsync(email, displayName, password, ct);
        }
        catch (DbUpdateException)
        {
            // Another instance created the first admin at the same moment; its transaction won.
            return SetupResult.Fail(AlreadyComplete);
        }
        catch (System.Data.Common.DbException)
        {
            return SetupResult.Fail(AlreadyComplete);
        }
        finally
        {
            Gate.Release();
        }
    }

    private async Task<SetupResult> CreateInTransactionAsync(string email, string displayName, string password, CancellationToken ct)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        {
            if (await db.Users.AnyAsync(ct))
            {
                return SetupResult.Fail(AlreadyComplete);
            }

            await PortalUsers.EnsureRolesAsync(roles);

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
                // Never leave a user without the role that setup promised: the transaction is not committed.
                return SetupResult.Fail(string.Join(" ", inRole.Errors.Select(e => e.Description)));
            }

            await transaction.CommitAsync(ct);
            state.MarkComplete();
            await audit.RecordAsync(user.Id, email, "setup.first-admin", email, "First admin created at setup", ct);
            return SetupResult.Ok(user);
        }
    }
}

public sealed record SetupResult(bool Succeeded, string? Error, ApplicationUser? User)
{
    public static SetupResult Ok(ApplicationUser user) => new(true, null, user);
    public static SetupResult Fail(string error) => new(false, error, null);
}
