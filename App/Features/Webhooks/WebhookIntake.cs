using System.Security.Cryptography;
using Microsoft.EntityFrameworkCore;
using SellerPortal.Data;
using SellerPortal.Features.Admin.Logs;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Features.Webhooks;

/// <summary>A verified webhook's identity and what it asks of us, for <see cref="IWebhookActionSink"/>.</summary>
public sealed record WebhookDelivery(
    ChannelKind Channel,
    int? AccountId,
    string EventId,
    string? EventType,
    IReadOnlyList<WebhookAction> Actions);

/// <summary>
/// Carries out a verified webhook's actions. It adds its changes to the context it is given; the intake saves them in
/// the same SaveChanges as the <see cref="WebhookEvent"/>, so an event is stored if and only if its work is queued.
/// Keep it fast (the channel waits: TikTok 3 seconds): enqueue, do not call out.
/// </summary>
public interface IWebhookActionSink
{
    /// <summary>Adds the work to <paramref name="db"/>; returns a note for the event when something could not be done.</summary>
    Task<string?> ApplyAsync(WebhookDelivery delivery, AppDbContext db, CancellationToken ct);
}

/// <summary>
/// Receives a channel's webhook: the signature is checked on the raw body before anything is parsed or stored.
/// A rejected one stores nothing (its payload cannot be trusted) and is logged as a warning; a valid one is stored once
/// per channel event id (a unique index; a redelivery is a no-op) together with the work its actions ask for.
/// </summary>
public sealed class WebhookIntake(
    ChannelRegistry channels,
    IWebhookActionSink sink,
    IDbContextFactory<AppDbContext> contexts,
    TimeProvider clock,
    ILogger<WebhookIntake> logger,
    Sync.SyncDispatchSignal? dispatch = null) : IWebhookReceiver, IWebhookReplayer
{
    public async Task<WebhookIntakeResult> ReceiveAsync(ChannelKind channel, WebhookRequest request, CancellationToken ct)
    {
        var verifier = channels.WebhookVerifier(channel);
        if (verifier is null)
        {
            return new(WebhookIntakeOutcome.UnknownChannel);
        }

        WebhookVerification verdict;
        try
        {
            verdict = await verifier.VerifyAsync(request, ct);
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            logger.LogWarning(ex, "{Channel} webhook verifier threw; treated as rejected.", channel);
            verdict = WebhookVerification.Rejected("verifier failed");
        }

        if (!verdict.SignatureValid)
        {
            logger.LogWarning("Rejected a {Channel} webhook: {Reason}.", channel, verdict.Error ?? "invalid signature");
            return new(WebhookIntakeOutcome.Rejected);
        }

        // A channel that gives no event id still deserves dedupe: the body's hash identifies a redelivery.
        var eventId = verdict.EventId
            ?? "sha256:" + Convert.ToHexStringLower(SHA256.HashData(request.RawBody.Span));
        var channelName = channel.ToString();

        await using var db = await contexts.CreateDbContextAsync(ct);
        if (await db.WebhookEvents.AnyAsync(w => w.Channel == channelName && w.EventId == eventId, ct))
        {
            return new(WebhookIntakeOutcome.Duplicate);
        }

        int? accountId = verdict.ShopId is null
            ? null
            : await db.ChannelAccounts.AsNoTracking()
                .Where(a => a.Channel == channel && a.ShopId == verdict.ShopId && a.Status != ChannelAccountStatus.Disconnected)
                .OrderBy(a => a.Id)
                .Select(a => (int?)a.Id)
                .FirstOrDefaultAsync(ct);

        var now = clock.GetUtcNow().UtcDateTime;
        var stored = new WebhookEvent
        {
            Channel = channelName,
            ChannelAccountId = accountId,
            EventId = eventId,
            EventType = verdict.EventType,
            SignatureValid = true,
            Payload = verdict.NamesAPerson ? null : request.Body,
            Headers = verdict.NamesAPerson ? null : System.Text.Json.JsonSerializer.Serialize(request.Headers),
            Outcome = WebhookOutcome.Processed,
            ReceivedUtc = now,
            ProcessedUtc = now,
        };
        db.WebhookEvents.Add(stored);
        var note = await sink.ApplyAsync(new WebhookDelivery(channel, accountId, eventId, verdict.EventType, verdict.Actions), db, ct);
        if (verdict.NamesAPerson)
        {
            note = $"{note} The body named a person, so only its digest is kept: sha256:{Convert.ToHexStringLower(SHA256.HashData(request.RawBody.Span))}.".TrimStart();
        }

        stored.Error = note is { Length: > 2000 } ? note[..2000] : note;

        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateException)
        {
            // Two deliveries raced past the check; the unique index kept one.
            if (await IsStoredAsync(channelName, eventId, ct))
            {
                return new(WebhookIntakeOutcome.Duplicate);
            }

            throw;
        }

        // The refresh the sink queued runs now, not at the next dispatch tick (the order's stock is at stake).
        if (verdict.Actions.Count > 0)
        {
            dispatch?.Raise();
        }

        return new(WebhookIntakeOutcome.Accepted, stored.Id);
    }

    /// <summary>
    /// Runs a stored event through the same verification and actions again. Its work is idempotent (an order refresh
    /// is coalesced with a pending one and an import never moves an order backwards), so a replay changes nothing
    /// that the first delivery already did.
    /// </summary>
    public async Task<WebhookReplayResult> ReplayAsync(long webhookEventId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        var stored = await db.WebhookEvents.SingleOrDefaultAsync(w => w.Id == webhookEventId, ct);
        // Kept without body and headers: only a notice that named a person (see WebhookVerification.NamesAPerson).
        if (stored is { Payload: null, Headers: null, SignatureValid: true })
        {
            return new(false, "That webhook named a person, so its body was not kept and it cannot be replayed.");
        }

        if (stored is null || stored.Payload is null)
        {
            return new(false, "That webhook is no longer stored.");
        }

        if (!ChannelNames.TryParse(stored.Channel, out var channel) || channels.WebhookVerifier(channel) is not { } verifier)
        {
            return new(false, $"No {stored.Channel} webhook handler is registered.");
        }

        var headers = System.Text.Json.JsonSerializer.Deserialize<Dictionary<string, string>>(stored.Headers ?? "{}") ?? [];
        var verdict = await verifier.VerifyAsync(new WebhookRequest($"/webhooks/{channel}", headers, stored.Payload) { IsReplay = true }, ct);
        if (!verdict.SignatureValid)
        {
            return new(false, $"The stored webhook no longer verifies ({verdict.Error ?? "signature"}); nothing was replayed.");
        }

        var note = await sink.ApplyAsync(new WebhookDelivery(channel, stored.ChannelAccountId, stored.EventId, verdict.EventType, verdict.Actions), db, ct);
        stored.ProcessedUtc = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(ct);
        dispatch?.Raise();
        return new(true, note ?? $"Replayed {verdict.Actions.Count} action(s).");
    }

    private async Task<bool> IsStoredAsync(string channel, string eventId, CancellationToken ct)
    {
        await using var db = await contexts.CreateDbContextAsync(ct);
        return await db.WebhookEvents.AnyAsync(w => w.Channel == channel && w.EventId == eventId, ct);
    }
}
