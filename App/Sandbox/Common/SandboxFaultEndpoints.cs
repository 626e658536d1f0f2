namespace SellerPortal.Sandbox.Common;

/// <summary>The fault-injection part of every emulator's control API: read, set (with queued 429s/5xx) and reset.</summary>
public static class SandboxFaultEndpoints
{
    /// <param name="control">The emulator's <c>/_control</c> group.</param>
    /// <param name="channel">The emulator's key in <see cref="SandboxFaults"/>.</param>
    /// <param name="onReset">Resets the emulator's own counters (rate limiter, daily budget) with the faults.</param>
    public static RouteGroupBuilder MapFaultControl(this RouteGroupBuilder control, string channel, Action<IServiceProvider>? onReset = null)
    {
        control.MapGet("/faults", (SandboxFaults faults) => Results.Json(faults.For(channel)));
        control.MapPost("/faults", (FaultSettings settings, SandboxFaults faults, int? queue429, int? queue5xx) =>
        {
            faults.Set(channel, settings);
            if (queue429 is > 0)
            {
                faults.Queue429(channel, queue429.Value);
            }

            if (queue5xx is > 0)
            {
                faults.Queue5xx(channel, queue5xx.Value);
            }

            return Results.Json(faults.For(channel));
        });
        control.MapDelete("/faults", (SandboxFaults faults, IServiceProvider services) =>
        {
            faults.Reset(channel);
            onReset?.Invoke(services);
            return Results.NoContent();
        });
        return control;
    }
}
