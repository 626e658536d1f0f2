using System.Security.Cryptography;
using System.Text;

namespace SellerPortal.Sandbox.Common;

/// <summary>
/// The emulators' control API (<c>/sandbox/{channel}/_control/...</c>: faults, generated orders, revocations) makes
/// things happen to the portal, so it takes a token made fresh by each process, in the <see cref="Header"/> header.
/// Tests and bench commands read it from the services; a developer finds it in the log at start.
/// </summary>
public sealed class SandboxControlToken
{
    public const string Header = "X-Sandbox-Control";

    public string Value { get; } = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    /// <summary>Adds the header to every request of <paramref name="http"/>.</summary>
    public void AddTo(HttpClient http) => http.DefaultRequestHeaders.Add(Header, Value);

    internal static bool IsControlPath(PathString path) =>
        path.StartsWithSegments("/sandbox") && path.Value!.Contains("/_control", StringComparison.Ordinal);

    internal bool Matches(string? given) =>
        given is not null && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(given), Encoding.ASCII.GetBytes(Value));
}

/// <summary>Writes the control token to the log once at start (Development and Testing only: the emulators exist nowhere else).</summary>
internal sealed class SandboxControlTokenAnnouncer(SandboxControlToken token, ILogger<SandboxControlTokenAnnouncer> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogInformation("The emulators' control API takes the header {Header}: {Token}", SandboxControlToken.Header, token.Value);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
