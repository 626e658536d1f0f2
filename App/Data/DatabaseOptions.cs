using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Data;

public sealed class DatabaseOptions
{
    public const string SectionName = "Database";

    /// <summary><c>Sqlite</c> (the embedded default) or <c>SqlServer</c>.</summary>
    [Required]
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Apply migrations at start-up. SQL Server production deploys the idempotent script instead.</summary>
    public bool MigrateOnStartup { get; set; } = true;
}

public enum DatabaseProvider
{
    Sqlite,
    SqlServer,
}
