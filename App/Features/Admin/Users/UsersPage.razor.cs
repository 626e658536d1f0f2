using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SellerPortal.Features.Admin.Audit;

namespace SellerPortal.Features.Admin.Users;

public sealed partial class UsersPage
{
    private IReadOnlyList<StaffUserRow>? rows;
    private Actor actor = new(null, null);
    private bool requireTwoFactor;

    [CascadingParameter] private Task<AuthenticationState> AuthenticationState { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        actor = Actor.From((await AuthenticationState).User);
        requireTwoFactor = await Policy.RequiresTwoFactorForAdminsAsync(Cancellation);
        await LoadAsync();
    }

    private async Task LoadAsync() => rows = await StaffUsers.ListAsync(Cancellation);

    private async Task AddUserAsync()
    {
        var dialog = await Dialogs.ShowAsync<AddUserDialog>("Add user");
        if (await dialog.Result is { Canceled: false, Data: NewStaffUser input })
        {
            Report(await StaffUsers.CreateAsync(input, actor, Cancellation),
                $"{input.Email} can now sign in as {input.Role}, and chooses their own password at the first sign-in.");
            await LoadAsync();
        }
    }

    private async Task SetRoleAsync(StaffUserRow row, string role)
    {
        Report(await StaffUsers.SetRoleAsync(row.Id, role, actor, Cancellation), $"{row.Email} is now {role}.");
        await LoadAsync();
    }

    private async Task UnlockAsync(StaffUserRow row)
    {
        Report(await StaffUsers.UnlockAsync(row.Id, actor, Cancellation), $"{row.Email} is unlocked.");
        await LoadAsync();
    }

    private async Task SetPasswordAsync(StaffUserRow row)
    {
        var dialog = await Dialogs.ShowAsync<SetPasswordDialog>($"Set a temporary password for {row.Email}",
            new DialogParameters<SetPasswordDialog> { { d => d.Email, row.Email } });
        if (await dialog.Result is { Canceled: false, Data: string password })
        {
            Report(await StaffUsers.SetTemporaryPasswordAsync(row.Id, password, actor, Cancellation),
                $"{row.Email} signs in with the temporary password, then chooses their own.");
            await LoadAsync();
        }
    }

    private async Task SetDisabledAsync(StaffUserRow row, bool disabled)
    {
        Report(await StaffUsers.SetDisabledAsync(row.Id, disabled, actor, Cancellation),
            disabled ? $"{row.Email} is disabled and signed out everywhere." : $"{row.Email} can sign in again.");
        await LoadAsync();
    }

    private async Task DeleteAsync(StaffUserRow row)
    {
        var confirmed = await Dialogs.ShowMessageBox("Delete user?",
            $"{row.Email} will no longer exist and cannot sign in. The audit log keeps what they did. To stop them for a while, disable them instead.",
            yesText: "Delete", cancelText: "Cancel");
        if (confirmed == true)
        {
            Report(await StaffUsers.DeleteAsync(row.Id, actor, Cancellation), $"{row.Email} was deleted.");
            await LoadAsync();
        }
    }

    private async Task SetRequireTwoFactorAsync(bool required)
    {
        await Policy.SetRequireTwoFactorForAdminsAsync(required, actor, Cancellation);
        requireTwoFactor = required;
        Snackbar.Add(required ? "Admins now need an authenticator app to sign in." : "Two-factor sign-in is each Admin's choice again.", Severity.Info);
    }

    private void Report(Microsoft.AspNetCore.Identity.IdentityResult result, string success) =>
        Snackbar.Add(result.Succeeded ? success : string.Join(" ", result.Errors.Select(e => e.Description)),
            result.Succeeded ? Severity.Success : Severity.Error);
}
