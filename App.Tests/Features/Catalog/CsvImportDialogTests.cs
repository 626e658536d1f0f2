using Bunit;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using SellerPortal.Features.Catalog;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Features.Catalog;

public sealed class CsvImportDialogTests : MudTestContext, IAsyncLifetime
{
    private readonly IRenderedComponent<MudPopoverProvider> popovers;
    private readonly IRenderedComponent<MudDialogProvider> dialogs;

    public CsvImportDialogTests()
    {
        popovers = Render<MudPopoverProvider>();
        dialogs = Render<MudDialogProvider>();
    }

    public Task InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync() => await base.DisposeAsync();

    private async Task<IDialogReference> ShowAsync(CsvImportReport report) =>
        await dialogs.InvokeAsync(() => Services.GetRequiredService<IDialogService>().ShowAsync<CsvImportDialog>("Import",
            new DialogParameters<CsvImportDialog> { { d => d.Report, report } }));

    [Fact]
    public async Task WithAnInvalidRow_ShowsTheCountsAndTheReason_AndCannotBeConfirmed()
    {
        var report = new CsvImportReport([],
        [
            new CsvImportRow(1, "LAMP-1", "Lamp", CsvRowKind.New, []),
            new CsvImportRow(2, "CHAIR-1", "Chair", CsvRowKind.Invalid, ["Variants[0].Price: The price must be more than zero."]),
            new CsvImportRow(3, "M-1", "Mug", CsvRowKind.Update, []),
        ]);

        await ShowAsync(report);

        Assert.Equal("1 new", dialogs.Find("[data-testid='import-new']").TextContent.Trim());
        Assert.Equal("1 updated", dialogs.Find("[data-testid='import-updated']").TextContent.Trim());
        Assert.Equal("1 invalid", dialogs.Find("[data-testid='import-invalid']").TextContent.Trim());
        Assert.Contains("The price must be more than zero.", dialogs.Find("[data-testid='import-rows']").TextContent, StringComparison.Ordinal);
        Assert.True(dialogs.Find("[data-testid='import-confirm']").HasAttribute("disabled"));
    }

    [Fact]
    public async Task WhenEveryRowIsValid_ConfirmClosesWithOk()
    {
        var reference = await ShowAsync(new CsvImportReport([], [new CsvImportRow(1, "LAMP-1", "Lamp", CsvRowKind.New, [])]));

        dialogs.Find("[data-testid='import-confirm']").Click();

        var result = await reference.Result;
        Assert.False(result!.Canceled);
    }
}
