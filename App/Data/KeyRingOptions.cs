namespace SellerPortal.Data;

/// <summary>
/// How the Data Protection key ring (the keys that encrypt channel tokens and secrets in the database) is itself kept
/// at rest. With a certificate, every key is encrypted with it before it is written; without one the keys are stored
/// as plain XML in the same database as what they protect, which the admin health page reports in Production.
/// </summary>
public sealed class KeyRingOptions
{
    public const string SectionName = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file holding the certificate and its private key.</summary>
    public string? CertificatePath { get; set; }

    /// <summary>The .pfx password; from an environment variable or a secret store, never appsettings.json.</summary>
    public string? CertificatePassword { get; set; }

    /// <summary>
    /// In Production the portal refuses to start without <see cref="CertificatePath"/>: keys kept unencrypted beside
    /// the tokens they protect undo that protection for anyone holding a copy of the database. Setting this accepts
    /// that risk explicitly; the portal then starts and says so in one warning at start-up.
    /// </summary>
    public bool AcceptUnencryptedKeys { get; set; }

    /// <summary>Why the portal must not start with these settings in this environment, or null when it may.</summary>
    public string? RefusalIn(IHostEnvironment environment) =>
        environment.IsProduction() && string.IsNullOrWhiteSpace(CertificatePath) && !AcceptUnencryptedKeys
            ? "DataProtection:CertificatePath is not set: in Production the key ring that encrypts channel tokens must itself be " +
              "encrypted with a certificate (DataProtection:CertificatePath and DataProtection:CertificatePassword). " +
              "To run without one and accept the risk, set DataProtection:AcceptUnencryptedKeys=true."
            : null;

    /// <summary>True when the keys go unencrypted in Production because an Admin accepted it (a start-up warning).</summary>
    public bool RunsUnencryptedByChoice(IHostEnvironment environment) =>
        environment.IsProduction() && string.IsNullOrWhiteSpace(CertificatePath) && AcceptUnencryptedKeys;
}
