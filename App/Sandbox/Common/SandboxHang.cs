namespace SellerPortal.Sandbox.Common;

/// <summary>The hang and timeout faults: no answer until the caller's own timeout cancels the request.</summary>
public static class SandboxHang
{
    public static async Task UntilCallerGivesUpAsync(HttpContext http)
    {
        try
        {
            await Task.Delay(Timeout.Infinite, http.RequestAborted);
        }
        catch (OperationCanceledException)
        {
            // The caller gave up, as intended.
        }
    }
}
