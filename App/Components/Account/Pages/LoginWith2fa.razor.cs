using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;

namespace SellerPortal.Components.Account.Pages;

public sealed partial class LoginWith2fa
{
    private string? errorMessage;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm] private InputModel Input { get; set; } = default!;

    [SupplyParameterFromQuery] private string? ReturnUrl { get; set; }

    [SupplyParameterFromQuery] private bool RememberMe { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        // Only after a right password: Identity keeps who it is in a short-lived two-factor cookie.
        if (await SignInManager.GetTwoFactorAuthenticationUserAsync() is null)
        {
            RedirectManager.RedirectTo("Account/Login");
        }
    }

    private async Task VerifyAsync()
    {
        var user = await SignInManager.GetTwoFactorAuthenticationUserAsync();
        if (user is null)
        {
            RedirectManager.RedirectTo("Account/Login");
            return;
        }

        var code = Input.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        // Six digits are the app's code; anything else is tried as a recovery code (used once).
        var result = code.Length == 6 && code.All(char.IsAsciiDigit)
            ? await SignInManager.TwoFactorAuthenticatorSignInAsync(code, RememberMe, rememberClient: false)
            : await SignInManager.TwoFactorRecoveryCodeSignInAsync(Input.Code.Trim());
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "local";
        var outcome = result.Succeeded ? "signin.succeeded" : result.IsLockedOut ? "signin.locked-out" : "signin.code-failed";
        await Audit.RecordAsync(user.Id, user.Email, outcome, user.Email, $"two-factor, from {address}", HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            RedirectManager.RedirectTo(ReturnUrl);
        }
        else if (result.IsLockedOut)
        {
            RedirectManager.RedirectTo("Account/Lockout");
        }
        else
        {
            errorMessage = "That code is not right. Enter the code the app shows now.";
        }
    }

    private sealed class InputModel
    {
        [Required(ErrorMessage = "Enter the code.")]
        [StringLength(20, ErrorMessage = "That is not a code.")]
        public string Code { get; set; } = "";
    }
}
