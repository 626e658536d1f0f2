using Microsoft.AspNetCore.Components.Forms;
using Microsoft.JSInterop;
using MudBlazor;

namespace SellerPortal.Features.Catalog;

/// <summary>The products page's CSV export (a browser download) and import (check, report, confirm, write).</summary>
public sealed partial class ProductsPage
{
    private async Task ExportAsync()
    {
        busy = true;
        try
        {
            using var buffer = new MemoryStream();
            await Csv.ExportAsync(buffer, CancellationToken.None);
            buffer.Position = 0;
            using var stream = new DotNetStreamReference(buffer, leaveOpen: true);
            await using var module = await JS.InvokeAsync<IJSObjectReference>("import", "./Features/Catalog/ProductsPage.razor.js");
            await module.InvokeVoidAsync("downloadFile", $"products-{DateTime.UtcNow:yyyyMMdd-HHmm}.csv", stream);
        }
        catch (Exception ex) when (ex is JSException or IOException)
        {
            Logger.LogWarning(ex, "Product export failed");
            Snackbar.Add("The export could not be downloaded. Try again; if it keeps failing, tell an administrator.", Severity.Error);
        }
        finally
        {
            busy = false;
        }
    }

    private async Task ImportAsync(IBrowserFile? file)
    {
        if (file is null)
        {
            return;
        }

        if (file.Size > MaxImportBytes)
        {
            Snackbar.Add($"{file.Name} is larger than {MaxImportBytes / 1024 / 1024} MB; split it into smaller files.", Severity.Error);
            return;
        }

        busy = true;
        CsvImportReport report;
        try
        {
            using var buffer = new MemoryStream();
            await using (var upload = file.OpenReadStream(MaxImportBytes))
            {
                await upload.CopyToAsync(buffer);
            }

            buffer.Position = 0;
            report = await Csv.PreviewAsync(buffer, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or CsvHelper.CsvFormatException)
        {
            Logger.LogWarning(ex, "Reading the import file {File} failed", file.Name);
            Snackbar.Add($"{file.Name} could not be read as CSV: {ex.Message}", Severity.Error);
            return;
        }
        finally
        {
            busy = false;
        }

        var dialog = await Dialogs.ShowAsync<CsvImportDialog>($"Import {file.Name}",
            new DialogParameters<CsvImportDialog> { { d => d.Report, report } },
            new DialogOptions { MaxWidth = MaxWidth.Large, FullWidth = true });
        if (await dialog.Result is not { Canceled: false })
        {
            return;
        }

        var result = await Csv.ApplyAsync(report, CancellationToken.None);
        Snackbar.Add(result.Message, result.Succeeded ? Severity.Success : Severity.Error);
        if (result.Succeeded)
        {
            await LoadLookupsAsync();
            await ReloadAfter(() => { });
        }
    }
}
