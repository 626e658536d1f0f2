namespace SellerPortal.Data;

/// <summary>
/// The one log line that says the key ring runs unencrypted in Production because
/// <c>DataProtection:AcceptUnencryptedKeys</c> was set (see <see cref="KeyRingOptions"/>).
/// </summary>
public sealed class UnencryptedKeyRingWarning(ILogger<UnencryptedKeyRingWarning> logger) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        logger.LogWarning(
            "The Data Protection key ring is stored unencrypted beside the tokens it protects (DataProtection:AcceptUnencryptedKeys=true); set DataProtection:CertificatePath to encrypt it.");
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
