using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.Migrations;

namespace SellerPortal.Data.Quartz;

/// <summary>
/// Quartz never creates its own tables: the first migration of each provider applies Quartz's official schema script.
/// </summary>
public static partial class QuartzSchema
{
    public const string Sqlite = "tables_sqlite.sql";
    public const string SqlServer = "tables_sqlServer.sql";

    private static readonly string[] Tables =
    [
        "QRTZ_FIRED_TRIGGERS", "QRTZ_PAUSED_TRIGGER_GRPS", "QRTZ_SCHEDULER_STATE", "QRTZ_LOCKS",
        "QRTZ_SIMPROP_TRIGGERS", "QRTZ_SIMPLE_TRIGGERS", "QRTZ_CRON_TRIGGERS", "QRTZ_BLOB_TRIGGERS",
        "QRTZ_TRIGGERS", "QRTZ_JOB_DETAILS", "QRTZ_CALENDARS",
    ];

    public static void Create(MigrationBuilder migrationBuilder, string script)
    {
        foreach (var batch in Batches(Read(script)))
        {
            migrationBuilder.Sql(batch);
        }
    }

    public static void Drop(MigrationBuilder migrationBuilder)
    {
        foreach (var table in Tables)
        {
            migrationBuilder.DropTable(table);
        }
    }

    internal static string Read(string script)
    {
        var assembly = typeof(QuartzSchema).Assembly;
        var name = assembly.GetManifestResourceNames().Single(n => n.EndsWith(script, StringComparison.Ordinal));
        using var stream = assembly.GetManifestResourceStream(name)!;
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>SQL Server scripts separate batches with GO lines; SQLite runs its script whole.</summary>
    internal static IEnumerable<string> Batches(string script) =>
        GoLine().Split(script).Select(b => b.Trim()).Where(b => b.Length > 0);

    [GeneratedRegex(@"^\s*GO\s*$", RegexOptions.Multiline | RegexOptions.IgnoreCase)]
    private static partial Regex GoLine();
}
