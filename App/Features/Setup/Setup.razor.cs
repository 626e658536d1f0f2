using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Components;

namespace SellerPortal.Features.Setup;

public sealed partial class Setup
{
    private string? error;

    [SupplyParameterFromForm]
    private InputModel Input { get; set; } = default!;

    [CascadingParameter]
    private HttpContext HttpContext { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        Input ??= new();
        if (HttpMethods.IsGet(HttpContext.Request.Method) && await SetupState.IsCompleteAsync(HttpContext.RequestAborted))
        {
            RedirectManager.RedirectTo("Account/Login");
        }
    }

    private async Task CreateAsync()
    {
        var result = await FirstAdminSetup.CreateFirstAdminAsync(Input.Email.Trim(), Input.DisplayName.Trim(), Input.Password,
            SetupCode.IsLocal(HttpContext), Input.SetupCode, HttpContext.RequestAborted);
        if (!result.Succeeded)
        {
            error = result.Error;
            return;
        }

        await SignInManager.SignInAsync(result.User!, isPersistent: false);
        RedirectManager.RedirectTo("");
    }

    private sealed class InputModel
    {
        [Required(ErrorMessage = "Enter your name.")]
        [StringLength(200)]
        public string DisplayName { get; set; } = "";

        [Required(ErrorMessage = "Enter an email.")]
        [EmailAddress(ErrorMessage = "Enter a valid email address.")]
        public string Email { get; set; } = "";

        [Required(ErrorMessage = "Choose a password.")]
        [StringLength(100, MinimumLength = 10, ErrorMessage = "The password needs at least 10 characters.")]
        public string Password { get; set; } = "";

        [Compare(nameof(Password), ErrorMessage = "The passwords do not match.")]
        public string ConfirmPassword { get; set; } = "";

        [StringLength(40)]
        public string? SetupCode { get; set; }
    }
}
