using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Identity;

namespace SellerPortal.Components.Account.Pages;

public sealed partial class Login
{
    private string? errorMessage;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm]
    private InputModel Input { get; set; } = default!;

    [SupplyParameterFromQuery]
    private string? ReturnUrl { get; set; }

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        if (HttpMethods.IsGet(HttpContext.Request.Method))
        {
            await HttpContext.SignOutAsync(IdentityConstants.ExternalScheme);
        }
    }

    private async Task SignInAsync()
    {
        var address = HttpContext.Connection.RemoteIpAddress?.ToString() ?? "local";
        if (!Throttle.TryAttempt(Input.Email))
        {
            await Audit.RecordAsync(null, Input.Email, "signin.throttled", Input.Email, $"from {address}", HttpContext.RequestAborted);
            errorMessage = "Too many sign-in attempts for this account. Wait a minute and try again.";
            return;
        }

        // Failures count towards lockout: 5 in a row lock the account for 15 minutes.
        var result = await SignInManager.PasswordSignInAsync(Input.Email, Input.Password, Input.RememberMe, lockoutOnFailure: true);
        var outcome = result.Succeeded ? "signin.succeeded"
            : result.RequiresTwoFactor ? "signin.password-ok-awaiting-code"
            : result.IsLockedOut ? "signin.locked-out"
            : result.IsNotAllowed ? "signin.disabled"
            : "signin.failed";
        await Audit.RecordAsync(null, Input.Email, outcome, Input.Email, $"from {address}", HttpContext.RequestAborted);
        if (result.Succeeded)
        {
            Logger.LogInformation("Staff user signed in");
            RedirectManager.RedirectTo(ReturnUrl);
        }
        else if (result.RequiresTwoFactor)
        {
            RedirectManager.RedirectTo($"Account/LoginWith2fa?ReturnUrl={Uri.EscapeDataString(ReturnUrl ?? "")}&RememberMe={Input.RememberMe}");
        }
        else if (result.IsNotAllowed)
        {
            errorMessage = "This account is disabled. Ask an Admin to enable it.";
        }
        else if (result.IsLockedOut)
        {
            Logger.LogWarning("Staff account locked out after repeated failed sign-ins");
            RedirectManager.RedirectTo("Account/Lockout");
        }
        else
        {
            errorMessage = "That email and password do not match an account.";
        }
    }

    private sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Enter your password.")]
        [DataType(DataType.Password)]
        public string Password { get; set; } = "";

        public bool RememberMe { get; set; }
    }
}
