using System.Globalization;

namespace SellerPortal.Sandbox.Common;

/// <summary>
/// An emulator's own answers to an injected fault: its rate-limit envelope and its server-error envelope (each
/// marketplace words them differently), and whether its 429 carries <c>Retry-After</c> (Amazon's does not: it
/// publishes its rate in <c>x-amzn-RateLimit-Limit</c>).
/// </summary>
public sealed record SandboxFaultAnswers(
    Func<HttpContext, IResult> TooManyRequests, Func<HttpContext, SandboxFaults, IResult> ServerError, bool SendsRetryAfter = true);

/// <summary>
/// The one fault switch every emulator passes first: the configured latency, then the next injected fault for the
/// channel (<see cref="SandboxFaults"/>): a hang or a timeout (no answer until the caller gives up), a dropped
/// connection, a 429 or a 5xx in the emulator's own envelope. Null means no fault: the call goes on to its checks.
/// </summary>
public static class SandboxFaultGate
{
    public static async Task<IResult?> PassAsync(HttpContext http, string channel, SandboxFaultAnswers answers)
    {
        var faults = http.RequestServices.GetRequiredService<SandboxFaults>();
        var settings = faults.For(channel);
        if (settings.LatencyMs > 0)
        {
            await Task.Delay(settings.LatencyMs, http.RequestAborted);
        }

        switch (faults.Next(channel))
        {
            case FaultDecision.Hang:
            case FaultDecision.Timeout:
                await UntilCallerGivesUpAsync(http);
                return Results.Empty;
            case FaultDecision.DropConnection:
                http.Abort();
                return Results.Empty;
            case FaultDecision.TooManyRequests:
                if (answers.SendsRetryAfter)
                {
                    http.Response.Headers.RetryAfter = settings.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
                }

                return answers.TooManyRequests(http);
            case FaultDecision.ServerError:
                return answers.ServerError(http, faults);
            default:
                return null;
        }
    }

    /// <summary>The hang and timeout faults: no answer until the caller's own timeout cancels the request.</summary>
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
