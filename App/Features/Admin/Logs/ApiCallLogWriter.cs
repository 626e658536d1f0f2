using System.Threading.Channels;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Admin.Logs;

/// <summary>
/// Writes the API call log in the background, many rows a transaction, and stamps each account's last successful call
/// once per batch. A write per call (two commits) made every channel call wait for SQLite's one write lock behind the
/// importers: bench import measured 30 ms a call for the log alone. Rows reach the table within a moment of the call;
/// <see cref="FlushAsync"/> waits for everything recorded so far (tests, shutdown).
/// </summary>
public sealed class ApiCallLogWriter : IApiCallRecorder, IAsyncDisposable
{
    private const int MaxBatch = 500;
    private readonly Channel<Entry> queue = Channel.CreateBounded<Entry>(new BoundedChannelOptions(100_000)
    {
        SingleReader = true,
        FullMode = BoundedChannelFullMode.Wait,
    });

    private readonly IDbContextFactory<AppDbContext> contexts;
    private readonly ILogger<ApiCallLogWriter> logger;
    private readonly Task loop;

    public ApiCallLogWriter(IDbContextFactory<AppDbContext> contexts, ILogger<ApiCallLogWriter> logger)
    {
        this.contexts = contexts;
        this.logger = logger;
        loop = Task.Run(DrainAsync);
    }

    /// <summary>One attempt from the channel pipeline: counted on the portal's meters, then queued as a row.</summary>
    public ValueTask RecordAsync(ApiCallRecord call)
    {
        // The same facts for operators' scrapers (System.Diagnostics.Metrics / OpenTelemetry).
        Operations.PortalMeters.RecordApiCall(call.Channel.ToString(), call.Operation, call.HttpStatus, call.Duration.TotalMilliseconds);
        return RecordAsync(new ApiCallLog
        {
            ChannelAccountId = call.AccountId,
            Channel = call.Channel.ToString(),
            Operation = Truncate(call.Operation, 100)!,
            Method = call.Method,
            Path = Truncate(call.Path, 500)!,
            HttpStatus = call.HttpStatus,
            DurationMs = (int)Math.Min(int.MaxValue, call.Duration.TotalMilliseconds),
            ErrorCode = Truncate(call.ErrorCode, 100),
            ErrorMessage = Truncate(call.ErrorMessage, 1000),
            RequestId = Truncate(call.RequestId, 100),
            StartedUtc = call.StartedUtc,
        }, call.SucceededUtc);
    }

    /// <summary>Queues a row; <paramref name="succeededUtc"/> stamps the account's last successful call.</summary>
    public ValueTask RecordAsync(ApiCallLog row, DateTime? succeededUtc) => queue.Writer.WriteAsync(new Entry(row, succeededUtc, null));

    /// <summary>Completes once every row queued before the call is in the database.</summary>
    public async Task FlushAsync(CancellationToken ct = default)
    {
        var done = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        if (queue.Writer.TryWrite(new Entry(null, null, done)))
        {
            await done.Task.WaitAsync(ct);
        }
    }

    private async Task DrainAsync()
    {
        var batch = new List<Entry>(MaxBatch);
        while (await queue.Reader.WaitToReadAsync())
        {
            while (batch.Count < MaxBatch && queue.Reader.TryRead(out var entry))
            {
                batch.Add(entry);
            }

            await WriteAsync(batch);
            batch.ForEach(e => e.Flushed?.TrySetResult());
            batch.Clear();
        }
    }

    private async Task WriteAsync(List<Entry> batch)
    {
        var rows = batch.Where(e => e.Row is not null).ToList();
        if (rows.Count == 0)
        {
            return;
        }

        try
        {
            await using var db = await contexts.CreateDbContextAsync();
            await using var tx = await db.Database.BeginTransactionAsync();
            await db.InsertRowsAsync(rows.Select(e => e.Row!).ToList(), CancellationToken.None);
            foreach (var account in rows.Where(e => e.SucceededUtc is not null && e.Row!.ChannelAccountId is not null)
                .GroupBy(e => e.Row!.ChannelAccountId!.Value))
            {
                var last = account.Max(e => e.SucceededUtc!.Value);
                await db.ChannelAccounts.Where(a => a.Id == account.Key && (a.LastSuccessfulCallUtc == null || a.LastSuccessfulCallUtc < last))
                    .ExecuteUpdateAsync(s => s.SetProperty(a => a.LastSuccessfulCallUtc, last));
            }

            await tx.CommitAsync();
        }
        catch (Exception ex)
        {
            // The calls succeeded or failed on their own merits; missing log rows must not change that.
            logger.LogWarning(ex, "Could not record {Count} API calls.", rows.Count);
        }
    }

    public async ValueTask DisposeAsync()
    {
        queue.Writer.TryComplete();
        await loop;
    }

    private static string? Truncate(string? value, int max) => value is null || value.Length <= max ? value : value[..max];

    private sealed record Entry(ApiCallLog? Row, DateTime? SucceededUtc, TaskCompletionSource? Flushed);
}
