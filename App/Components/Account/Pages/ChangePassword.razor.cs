using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;

namespace SellerPortal.Components.Account.Pages;

public sealed partial class ChangePassword
{
    private string? errorMessage;
    private bool mustChange;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm] private InputModel Input { get; set; } = default!;

    protected override void OnInitialized()
    {
        Input ??= new();
        mustChange = HttpContext.User.HasClaim(c => c.Type == StaffClaims.MustChangePassword);
    }

    private async Task ChangeAsync()
    {
        var user = await Users.GetUserAsync(HttpContext.User);
        if (user is null)
        {
            RedirectManager.RedirectTo("Account/Login");
            return;
        }

        if (Input.NewPassword == Input.CurrentPassword)
        {
            errorMessage = "Choose a password different from the current one.";
            return;
        }

        var changed = await Users.ChangePasswordAsync(user, Input.CurrentPassword, Input.NewPassword);
        if (!changed.Succeeded)
        {
            errorMessage = string.Join(" ", changed.Errors.Select(e => e.Code == "PasswordMismatch" ? "The current password is not right." : e.Description));
            return;
        }

        user.MustChangePassword = false;
        await Users.UpdateAsync(user);
        // The password change renewed the security stamp: sign in again with it, in this browser only.
        await SignInManager.RefreshSignInAsync(user);
        await Audit.RecordAsync(user.Id, user.Email, "user.password-changed", user.Email, null, HttpContext.RequestAborted);
        RedirectManager.RedirectTo("");
    }

    private sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your current password.")]
        public string CurrentPassword { get; set; } = "";

        [Required(ErrorMessage = "Enter a new password.")]
        [StringLength(100, MinimumLength = 10, ErrorMessage = "The new password needs at least 10 characters.")]
        public string NewPassword { get; set; } = "";

        [Compare(nameof(NewPassword), ErrorMessage = "The two new passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";
    }
}
