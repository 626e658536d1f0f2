using System.Net;
using System.Security.Cryptography;
using System.Text;

namespace SellerPortal.Features.Setup;

/// <summary>
/// The one-time code that first-run setup asks for when the browser is not on the server itself, so a fresh
/// deployment does not belong to whoever reaches it first. Made at start, written to the app's log (whoever can read
/// the log runs the server), and useless once the first admin exists.
/// </summary>
public sealed class SetupCode
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    public SetupCode() => Value = string.Join('-', Enumerable.Range(0, 3).Select(_ => RandomNumberGenerator.GetString(Alphabet, 4)));

    /// <summary>Three groups of four letters and digits (no 0/O, 1/I), e.g. <c>K7QD-M2XP-94HT</c>.</summary>
    public string Value { get; }

    /// <summary>A browser on the server itself needs no code; a missing address (a Unix socket, a test host) is not local.</summary>
    public static bool IsLocal(HttpContext http) => http.Connection.RemoteIpAddress is { } ip && IPAddress.IsLoopback(ip);

    public bool Matches(string? given)
    {
        var typed = (given ?? "").Trim().ToUpperInvariant().Replace(" ", "", StringComparison.Ordinal);
        return CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(typed), Encoding.ASCII.GetBytes(Value));
    }
}

/// <summary>Writes the setup code to the log at start while no user exists.</summary>
public sealed class SetupCodeAnnouncer(SetupCode code, SetupState state, ILogger<SetupCodeAnnouncer> logger) : IHostedService
{
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        if (!await state.IsCompleteAsync(cancellationToken))
        {
            logger.LogWarning("First-run setup is open. From a browser on another computer it asks for this setup code: {SetupCode}", code.Value);
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
