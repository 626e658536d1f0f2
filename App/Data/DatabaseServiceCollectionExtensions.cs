using Microsoft.AspNetCore.DataProtection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace SellerPortal.Data;

public static class DatabaseServiceCollectionExtensions
{
    /// <summary>The EF Core model on the configured provider, a context factory, and the Data Protection key ring in the database.</summary>
    public static IHostApplicationBuilder AddDatabase(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<DatabaseOptions>()
            .BindConfiguration(DatabaseOptions.SectionName)
            .ValidateDataAnnotations()
            .ValidateOnStart();

        var options = builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new();
        var connection = DatabaseConnection.Of(builder);
        var connectionString = connection.ConnectionString;
        builder.Services.AddSingleton(connection);

        if (options.Provider == DatabaseProvider.SqlServer)
        {
            // No retrying execution strategy: it refuses the explicit transactions the importer and the ledger open,
            // and failed work is retried by the sync queue, which knows what is safe to repeat.
            builder.Services.AddDbContextFactory<SqlServerAppDbContext>(o => o.UseSqlServer(connectionString));
            builder.Services.AddSingleton<IDbContextFactory<AppDbContext>, ContextFactory<SqlServerAppDbContext>>();
        }
        else
        {
            builder.Services.AddDbContextFactory<SqliteAppDbContext>(o => o.UseSqlite(connectionString).AddInterceptors(new SqliteConnectionSettings()));
            builder.Services.AddSingleton<IDbContextFactory<AppDbContext>, ContextFactory<SqliteAppDbContext>>();
        }

        // Identity's stores and the key ring take a scoped context.
        builder.Services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContext());
        var dataProtection = builder.Services.AddDataProtection()
            .SetApplicationName("SellerPortal")
            .PersistKeysToDbContext<AppDbContext>();
        var keyRing = builder.Configuration.GetSection(KeyRingOptions.SectionName).Get<KeyRingOptions>() ?? new();
        if (keyRing.RefusalIn(builder.Environment) is { } refusal)
        {
            throw new InvalidOperationException(refusal);
        }

        if (keyRing.RunsUnencryptedByChoice(builder.Environment))
        {
            builder.Services.AddHostedService<UnencryptedKeyRingWarning>();
        }

        if (!string.IsNullOrWhiteSpace(keyRing.CertificatePath))
        {
            // Encrypts each new key with the certificate; reading keys back needs it too (no machine store on Linux).
            var certificate = System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12FromFile(
                keyRing.CertificatePath, keyRing.CertificatePassword);
            dataProtection.ProtectKeysWithCertificate(certificate).UnprotectKeysWithAnyCertificate(certificate);
        }

        builder.Services.AddScoped<DatabaseMigrator>();
        return builder;
    }

    internal static string ResolveConnectionString(IHostApplicationBuilder builder, DatabaseProvider provider)
    {
        if (provider == DatabaseProvider.SqlServer)
        {
            return builder.Configuration.GetConnectionString("SqlServer")
                ?? throw new InvalidOperationException(
                    "Database:Provider is SqlServer but ConnectionStrings:SqlServer is not set.");
        }

        // SQLite: a file under a data folder the app creates, relative to the content root.
        var raw = builder.Configuration.GetConnectionString("Sqlite") ?? "Data Source=data/sellerportal.db";
        var csb = new SqliteConnectionStringBuilder(raw);
        if (!Path.IsPathRooted(csb.DataSource) && csb.DataSource != ":memory:")
        {
            csb.DataSource = Path.GetFullPath(Path.Combine(builder.Environment.ContentRootPath, csb.DataSource));
        }

        var folder = Path.GetDirectoryName(csb.DataSource);
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        csb.Pooling = true;
        csb.DefaultTimeout = 30;
        return csb.ToString();
    }
}

/// <summary>The provider and resolved connection string, for the parts that open their own connections (Quartz).</summary>
public sealed record DatabaseConnection(DatabaseProvider Provider, string ConnectionString)
{
    /// <summary>The configured provider and its resolved connection string, the same for every part that asks.</summary>
    public static DatabaseConnection Of(IHostApplicationBuilder builder)
    {
        var provider = (builder.Configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new()).Provider;
        return new(provider, DatabaseServiceCollectionExtensions.ResolveConnectionString(builder, provider));
    }
}
