namespace SellerPortal.Tests.TestSupport;

/// <summary>
/// The one polling wait of both test projects (App.E2E compiles this file too): asks again every few milliseconds
/// until the answer is the awaited one or the time is up. Framework-neutral: it throws <see cref="TimeoutException"/>
/// naming what it waited for, and the caller's assertions then say what was wrong.
/// </summary>
public static class Eventually
{
    private static readonly TimeSpan DefaultInterval = TimeSpan.FromMilliseconds(50);

    /// <summary>Waits until <paramref name="done"/> holds; throws when it still does not after <paramref name="within"/>.</summary>
    public static async Task HoldsAsync(Func<Task<bool>> done, TimeSpan within, string what, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + within;
        while (!await done())
        {
            if (DateTime.UtcNow >= deadline)
            {
                throw new TimeoutException($"Timed out after {within.TotalSeconds:0.#} s waiting for {what}.");
            }

            await Task.Delay(every ?? DefaultInterval);
        }
    }

    /// <summary>
    /// Reads until <paramref name="until"/> holds for the value or the time is up, and returns the last value read:
    /// for a test that then asserts that value (a wait that runs out shows the real value in the assertion).
    /// </summary>
    public static async Task<T> ReadAsync<T>(Func<Task<T>> read, Func<T, bool> until, TimeSpan within, TimeSpan? every = null)
    {
        var deadline = DateTime.UtcNow + within;
        var value = await read();
        while (!until(value) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(every ?? DefaultInterval);
            value = await read();
        }

        return value;
    }
}
