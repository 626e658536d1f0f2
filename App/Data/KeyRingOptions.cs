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
}
