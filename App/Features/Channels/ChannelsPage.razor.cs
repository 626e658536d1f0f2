using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Authorization;
using MudBlazor;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Audit;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Channels;

public sealed partial class ChannelsPage
{
    private IReadOnlyList<ChannelCardModel>? cards;
    private bool busy;
    private bool canManage;

    [SupplyParameterFromQuery(Name = "connected")] public string? Connected { get; set; }

    [SupplyParameterFromQuery(Name = "error")] public string? Error { get; set; }

    /// <summary>A consent held because it lands on a seller already connected here (see ChannelConnectFlow).</summary>
    [SupplyParameterFromQuery(Name = "confirm")] public string? Confirm { get; set; }

    [CascadingParameter] private Task<AuthenticationState>? AuthenticationState { get; set; }

    protected override async Task OnInitializedAsync()
    {
        canManage = AuthenticationState is not null && (await AuthenticationState).User.IsInRole(Roles.Admin);
        cards = await Accounts.GetCardsAsync(Cancellation);
    }

    protected override async Task OnAfterRenderAsync(bool firstRender)
    {
        // After the first interactive render, so the message shows once (not also in the prerender).
        if (!firstRender)
        {
            return;
        }

        if (!string.IsNullOrEmpty(Confirm) && canManage)
        {
            await AnswerHeldConsentAsync(Confirm);
        }

        if (!string.IsNullOrEmpty(Connected))
        {
            Snackbar.Add($"Connected {Connected}.", Severity.Success);
        }

        if (!string.IsNullOrEmpty(Error))
        {
            Snackbar.Add(Error, Severity.Error);
        }
    }

    private async Task AnswerHeldConsentAsync(string confirmation)
    {
        var actor = Actor.From((await AuthenticationState!).User);
        var question = await ConnectFlow.PendingAsync(confirmation, actor, Cancellation);
        if (question is null)
        {
            Snackbar.Add("That confirmation has expired or was already answered. Start the connection again.", Severity.Warning);
        }
        else
        {
            var replace = await Dialogs.ShowMessageBox($"Replace the tokens of {question.Replaces}?",
                $"{question.Replaces} is already connected to SellerPortal. The {ChannelNames.Display(question.Channel)} consent just given " +
                "replaces its tokens; its listings, orders and settings stay. Replace them only if this is the same seller account.",
                yesText: "Replace tokens", cancelText: "Keep the current ones");
            var answer = await ConnectFlow.AnswerPendingAsync(confirmation, replace == true, actor, Cancellation);
            Snackbar.Add(answer.Message, answer.Connected ? Severity.Success : Severity.Info);
            cards = await Accounts.GetCardsAsync(Cancellation);
        }

        // The token is used up either way: off the address bar, so a reload does not ask again.
        Navigation.NavigateTo("/channels", replace: true);
    }

    // A callback only for the channels that have the feature, so the card shows the button only there.
    private EventCallback<ChannelKind> RefreshTokenConnectFor(ChannelKind channel) =>
        Channels.RefreshTokenConnect(channel) is not null ? EventCallback.Factory.Create<ChannelKind>(this, ConnectWithTokenAsync) : default;

    private EventCallback<ChannelAccountView> SettingsFor(ChannelKind channel) =>
        AccountSettings.Offers(channel) ? EventCallback.Factory.Create<ChannelAccountView>(this, EditSettingsAsync) : default;

    private async Task EditSettingsAsync(ChannelAccountView account)
    {
        var dialog = await Dialogs.ShowAsync<AccountSettingsDialog>($"{ChannelNames.Display(account.Channel)} settings · {account.DisplayName}",
            new DialogParameters<AccountSettingsDialog> { { d => d.Account, account } }, new DialogOptions { MaxWidth = MaxWidth.Small, FullWidth = true });
        if (await dialog.Result is { Canceled: false, Data: string message })
        {
            Snackbar.Add(message, Severity.Success);
        }
    }

    private async Task ConnectWithTokenAsync(ChannelKind channel)
    {
        var dialog = await Dialogs.ShowAsync<RefreshTokenConnectDialog>($"Connect {ChannelNames.Display(channel)} with a refresh token",
            new DialogParameters<RefreshTokenConnectDialog> { { d => d.Connect, Channels.RefreshTokenConnect(channel)! } });
        if (await dialog.Result is { Canceled: false, Data: string message })
        {
            Snackbar.Add(message, Severity.Success);
            cards = await Accounts.GetCardsAsync(Cancellation);
        }
    }

    private async Task TestAsync(ChannelAccountView account)
    {
        busy = true;
        try
        {
            var result = await Accounts.TestConnectionAsync(account.Id, Cancellation);
            Snackbar.Add($"{account.DisplayName}: {result.Message}",
                result.Ok ? Severity.Success : Severity.Error);
            cards = await Accounts.GetCardsAsync(Cancellation);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task DisconnectAsync(ChannelAccountView account)
    {
        var confirmed = await Dialogs.ShowMessageBox("Disconnect account?",
            $"SellerPortal will forget the credentials of {account.DisplayName}. Orders and listings already imported stay. You can connect it again later.",
            yesText: "Disconnect", cancelText: "Cancel");
        if (confirmed != true)
        {
            return;
        }

        busy = true;
        try
        {
            var user = AuthenticationState is null ? null : (await AuthenticationState).User;
            await Accounts.DisconnectAsync(account.Id, user is null ? new Actor(null, null) : Actor.From(user), Cancellation);
            Snackbar.Add($"{account.DisplayName} was disconnected.", Severity.Info);
            cards = await Accounts.GetCardsAsync(Cancellation);
        }
        finally
        {
            busy = false;
        }
    }
}
