using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;
using SellerPortal.Data;

namespace SellerPortal.Components.Account.Pages;

public sealed partial class TwoFactor
{
    private string? errorMessage;
    private bool enabled;
    private bool required;
    private bool mustEnroll;
    private string sharedKey = "";
    private string qrSvg = "";
    private IReadOnlyList<string>? recoveryCodes;

    [CascadingParameter] private HttpContext HttpContext { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "enable-2fa")] private EnableModel Enable { get; set; } = default!;

    [SupplyParameterFromForm(FormName = "disable-2fa")] private DisableModel Disable { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Enable ??= new();
        Disable ??= new();
        mustEnroll = HttpContext.User.HasClaim(c => c.Type == StaffClaims.MustEnrollTwoFactor);
        if (await Users.GetUserAsync(HttpContext.User) is not { } user)
        {
            return;
        }

        enabled = user.TwoFactorEnabled;
        required = HttpContext.User.IsInRole(Roles.Admin) && await Policy.RequiresTwoFactorForAdminsAsync(HttpContext.RequestAborted);
        if (!enabled)
        {
            await LoadKeyAsync(user);
        }
    }

    private async Task LoadKeyAsync(ApplicationUser user)
    {
        var key = await Users.GetAuthenticatorKeyAsync(user);
        if (string.IsNullOrEmpty(key))
        {
            // A new key renews the security stamp, which would end this very session: sign in again with it.
            await Users.ResetAuthenticatorKeyAsync(user);
            await SignInManager.RefreshSignInAsync(user);
            key = await Users.GetAuthenticatorKeyAsync(user);
        }

        sharedKey = key!;
        qrSvg = AuthenticatorQrCode.Svg(AuthenticatorQrCode.Uri("SellerPortal", user.Email ?? user.UserName ?? "user", sharedKey));
    }

    private async Task EnableAsync()
    {
        if (await Users.GetUserAsync(HttpContext.User) is not { } user)
        {
            return;
        }

        var code = Enable.Code.Replace(" ", "", StringComparison.Ordinal).Replace("-", "", StringComparison.Ordinal);
        if (!await Users.VerifyTwoFactorTokenAsync(user, Users.Options.Tokens.AuthenticatorTokenProvider, code))
        {
            errorMessage = "That code is not right. Check the phone's clock and enter the code the app shows now.";
            await LoadKeyAsync(user);
            return;
        }

        await Users.SetTwoFactorEnabledAsync(user, true);
        recoveryCodes = [.. await Users.GenerateNewTwoFactorRecoveryCodesAsync(user, 10) ?? []];
        await SignInManager.RefreshSignInAsync(user);
        await Audit.RecordAsync(user.Id, user.Email, "user.2fa-enabled", user.Email, null, HttpContext.RequestAborted);
        enabled = true;
    }

    private async Task DisableAsync()
    {
        if (await Users.GetUserAsync(HttpContext.User) is not { } user)
        {
            return;
        }

        if (HttpContext.User.IsInRole(Roles.Admin) && await Policy.RequiresTwoFactorForAdminsAsync(HttpContext.RequestAborted))
        {
            errorMessage = "Admins must use two-factor sign-in.";
            return;
        }

        await Users.SetTwoFactorEnabledAsync(user, false);
        await Users.ResetAuthenticatorKeyAsync(user);
        await SignInManager.RefreshSignInAsync(user);
        await Audit.RecordAsync(user.Id, user.Email, "user.2fa-disabled", user.Email, null, HttpContext.RequestAborted);
        enabled = false;
        await LoadKeyAsync(user);
    }

    private static string FormatKey(string key) =>
        string.Join(' ', Enumerable.Range(0, (key.Length + 3) / 4).Select(i => key.Substring(i * 4, Math.Min(4, key.Length - (i * 4))))).ToLowerInvariant();

    private sealed class EnableModel
    {
        [Required(ErrorMessage = "Enter the code from the app.")]
        [RegularExpression(@"^[0-9 -]{6,9}$", ErrorMessage = "The code is 6 digits.")]
        public string Code { get; set; } = "";
    }

    private sealed class DisableModel;
}
