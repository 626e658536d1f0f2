using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SellerPortal.Features.Admin.Audit;

namespace SellerPortal.Features.Channels;

public sealed partial class AccountSettingsDialog
{
    private AccountSettingsView? view;
    private readonly Dictionary<string, string?> values = new(StringComparer.Ordinal);
    private MudForm? form;
    private bool valid;
    private bool busy;
    private string? error;

    [CascadingParameter] private IMudDialogInstance Dialog { get; set; } = default!;
    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }
    [Parameter, EditorRequired] public ChannelAccountView Account { get; set; } = default!;

    protected override async Task OnInitializedAsync()
    {
        view = await Settings.ReadAsync(Account.Id, Cancellation);
        error = view.Error;
        foreach (var setting in view.Settings)
        {
            // With one choice only, it is the answer; staff still press Save.
            values[setting.Key] = setting.Value ?? (setting.Choices.Count == 1 ? setting.Choices[0].Value : null);
        }
    }

    private async Task SaveAsync()
    {
        await form!.Validate();
        if (!valid)
        {
            return;
        }

        busy = true;
        error = null;
        var actor = AuthenticationState is null ? new Actor(null, null) : Actor.From((await AuthenticationState).User);
        var chosen = values.Where(v => !string.IsNullOrWhiteSpace(v.Value)).ToDictionary(v => v.Key, v => v.Value!.Trim(), StringComparer.Ordinal);
        try
        {
            error = await Settings.SaveAsync(Account.Id, chosen, actor, Cancellation);
        }
        catch (AdminRequiredException ex)
        {
            error = ex.Message;
        }
        finally
        {
            busy = false;
        }

        if (error is null)
        {
            Dialog.Close(DialogResult.Ok($"{Account.DisplayName}: settings saved."));
        }
    }
}
