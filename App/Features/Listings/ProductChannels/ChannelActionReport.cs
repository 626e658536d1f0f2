using MudBlazor;

namespace SellerPortal.Features.Listings.ProductChannels;

/// <summary>Tells staff what became of a channel action: queued, or each reason it was not.</summary>
public static class ChannelActionReport
{
    public static void Show(ISnackbar snackbar, IReadOnlyList<string> problems, string success)
    {
        if (problems.Count == 0)
        {
            snackbar.Add(success, Severity.Success);
            return;
        }

        foreach (var problem in problems)
        {
            snackbar.Add(problem, Severity.Warning);
        }
    }
}
