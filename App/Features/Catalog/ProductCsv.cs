using System.Globalization;
using CsvHelper;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using F = SellerPortal.Features.Catalog.ProductCsvFormat;

namespace SellerPortal.Features.Catalog;

public enum CsvRowKind
{
    New,
    Update,
    Invalid,
}

public sealed record CsvImportRow(int RowNumber, string Sku, string Name, CsvRowKind Kind, IReadOnlyList<string> Reasons);

/// <summary>
/// What an import would do, row by row, before anything is written. <see cref="CanApply"/> only when the file and
/// every row are valid.
/// </summary>
public sealed record CsvImportReport(IReadOnlyList<string> FileErrors, IReadOnlyList<CsvImportRow> Rows)
{
    internal IReadOnlyList<ProductEditModel> Plan { get; init; } = [];

    public int NewCount => Rows.Count(r => r.Kind == CsvRowKind.New);
    public int UpdateCount => Rows.Count(r => r.Kind == CsvRowKind.Update);
    public int InvalidCount => Rows.Count(r => r.Kind == CsvRowKind.Invalid);
    public bool CanApply => FileErrors.Count == 0 && InvalidCount == 0 && Rows.Count > 0;
}

public sealed record CsvApplyResult(bool Succeeded, int ProductsWritten, string Message);

/// <summary>
/// CSV export and import of the catalog in <see cref="ProductCsvFormat"/>. An import is checked in full first
/// (the editor's validator, SKUs repeated in the file, unknown columns); the write is one transaction.
/// </summary>
public sealed class ProductCsv(IDbContextFactory<AppDbContext> contexts, TimeProvider clock, ILogger<ProductCsv> logger)
{
    private const int ExportBatch = 1000;

    public async Task ExportAsync(Stream output, CancellationToken ct)
    {
        // A name such as =HYPERLINK(...) would run as a formula in a spreadsheet (OWASP CSV injection): such text is
        // written with a leading apostrophe, which the import takes off again so a round trip changes nothing.
        await using var writer = CsvWriter.Create(output, new CsvWriterOptions { Injection = CsvInjection.Escape }, leaveOpen: true);
        writer.WriteHeader([.. F.Columns]);
        await using var db = await contexts.CreateDbContextAsync(ct);
        var lastId = 0;
        while (true)
        {
            // Keyset batches: memory stays flat at 100,000 products.
            var batch = await db.Products.AsNoTracking().Include(p => p.Variants)
                .Where(p => p.Id > lastId).OrderBy(p => p.Id).Take(ExportBatch).AsSplitQuery().ToListAsync(ct);
            if (batch.Count == 0)
            {
                break;
            }

            foreach (var p in batch)
            {
                foreach (var v in p.Variants.OrderBy(v => v.Id))
                {
                    await writer.WriteRecordAsync(Row(p, v), ct);
                }
            }

            lastId = batch[^1].Id;
        }

        await writer.FlushAsync(ct);
    }

    /// <summary>The most rows one import takes; past it the file is refused whole with a sentence (split it).</summary>
    public const int MaxRows = 50_000;

    public async Task<CsvImportReport> PreviewAsync(Stream input, CancellationToken ct)
    {
        var (fileErrors, rows) = await ReadAsync(input, ct);
        if (fileErrors.Count > 0)
        {
            return new CsvImportReport(fileErrors, rows.Select(r => r.ToReport(CsvRowKind.Invalid, ["The file's columns are wrong; see above."])).ToList());
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        var plan = await new CsvImportPlanner(db).PlanAsync(rows, ct);
        return new CsvImportReport([], rows.Select(r => r.ToReport(r.Reasons.Count > 0 ? CsvRowKind.Invalid : r.IsUpdate ? CsvRowKind.Update : CsvRowKind.New, r.Reasons)).ToList())
        {
            Plan = plan,
        };
    }

    /// <summary>Writes a previewed import in one transaction; refuses (writing nothing) unless the report is clean.</summary>
    public async Task<CsvApplyResult> ApplyAsync(CsvImportReport report, CancellationToken ct)
    {
        if (!report.CanApply)
        {
            return new CsvApplyResult(false, 0, $"Nothing was imported: fix the {report.InvalidCount} invalid row(s) and import the file again.");
        }

        await using var db = await contexts.CreateDbContextAsync(ct);
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        var ids = report.Plan.Where(m => m.Id != 0).Select(m => m.Id).ToList();
        var existing = await db.Products.Include(p => p.Variants).Where(p => ids.Contains(p.Id)).AsSplitQuery().ToDictionaryAsync(p => p.Id, ct);
        var now = clock.GetUtcNow().UtcDateTime;
        var written = 0;
        foreach (var model in report.Plan)
        {
            if (model.Id != 0 && !existing.ContainsKey(model.Id))
            {
                return new CsvApplyResult(false, 0, $"Nothing was imported: product {model.Id} was deleted after the file was checked.");
            }

            // The plan carries the whole product as it was when checked; applying it over a later save would undo that save.
            if (model.Id != 0 && model.UpdatedUtc is { } seen && existing[model.Id].UpdatedUtc != seen)
            {
                return new CsvApplyResult(false, 0, $"Nothing was imported: {existing[model.Id].Name} was changed after the file was checked. Import the file again.");
            }

            var product = model.Id == 0 ? new Product { Name = model.Name, CreatedUtc = now } : existing[model.Id];
            if (model.Id == 0)
            {
                db.Products.Add(product);
            }

            if (ProductMapping.Apply(model, product, db))
            {
                product.UpdatedUtc = now;
                written++;
            }
        }

        try
        {
            await db.SaveChangesAsync(ct);
            await tx.CommitAsync(ct);
            return new CsvApplyResult(true, written, $"Imported: {report.NewCount} new and {report.UpdateCount} updated row(s); {written} product(s) changed.");
        }
        catch (DbUpdateException ex)
        {
            logger.LogWarning(ex, "CSV import failed; the transaction was rolled back");
            await tx.RollbackAsync(ct);
            return new CsvApplyResult(false, 0, "Nothing was imported: the database refused a row (most likely a SKU saved by someone else meanwhile). Check the file and try again.");
        }
    }

    private static string[] Row(Product p, Variant v) =>
    [
        p.Id.ToString(CultureInfo.InvariantCulture), p.Name, p.Description ?? "", p.Brand ?? "", p.Category ?? "",
        p.Condition.ToString(), p.WeightGrams?.ToString(CultureInfo.InvariantCulture) ?? "",
        string.Join(F.ListSeparator, p.ImageUrls), F.Pairs(p.Attributes.Select(a => (a.Key, a.Value))),
        v.Sku, F.Pairs(v.Options.Select(o => (o.Name, o.Value))), F.Decimal(v.Price.AmountMinor, v.Price.Currency),
        v.Price.Currency, v.CostMinor is { } cost ? F.Decimal(cost, v.Price.Currency) : "",
        v.StockOnHand.ToString(CultureInfo.InvariantCulture), v.WeightGrams?.ToString(CultureInfo.InvariantCulture) ?? "",
    ];

    private static string Unescape(string value) =>
        value.Length >= 2 && value[0] == '\'' && value[1] is '=' or '+' or '-' or '@' ? value[1..] : value;

    private static async Task<(List<string> FileErrors, List<CsvInputRow> Rows)> ReadAsync(Stream input, CancellationToken ct)
    {
        var errors = new List<string>();
        var rows = new List<CsvInputRow>();
        await using var reader = CsvReader.Create(input, new CsvReaderOptions { Separator = ',' }, leaveOpen: true);
        await reader.ReadHeaderAsync(ct);
        var headers = reader.Headers.ToList();
        var unknown = headers.Where(h => !F.Columns.Contains(h.Trim(), StringComparer.OrdinalIgnoreCase)).ToList();
        if (unknown.Count > 0)
        {
            errors.Add($"Unknown column(s): {string.Join(", ", unknown)}. The columns are: {string.Join(", ", F.Columns)}.");
        }

        var missing = F.Required.Where(r => !headers.Contains(r, StringComparer.OrdinalIgnoreCase)).ToList();
        if (missing.Count > 0)
        {
            errors.Add($"Missing column(s): {string.Join(", ", missing)}.");
        }

        var index = F.Columns.ToDictionary(c => c, c => headers.FindIndex(h => string.Equals(h.Trim(), c, StringComparison.OrdinalIgnoreCase)));
        while (await reader.ReadAsync(ct))
        {
            if (rows.Count == MaxRows)
            {
                // Stops reading here: a larger file is refused whole, never imported in part.
                errors.Add(string.Create(System.Globalization.CultureInfo.InvariantCulture,
                    $"The file has more than {MaxRows:N0} rows. Split it into files of at most {MaxRows:N0} rows and import each."));
                break;
            }

            var values = index.Where(kv => kv.Value >= 0 && kv.Value < reader.FieldCount)
                .ToDictionary(kv => kv.Key, kv => Unescape(reader.GetString(kv.Value).Trim()));
            rows.Add(new CsvInputRow((int)reader.RowNumber, values));
        }

        return (errors, rows);
    }
}
