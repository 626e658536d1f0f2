using Polly.CircuitBreaker;
using Polly.Timeout;
using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// Wraps the whole pipeline so a call that got no usable answer surfaces as the contract's
/// <see cref="Abstractions.ChannelNetworkException"/>: network errors, attempt or total timeouts, and an open circuit
/// (<see cref="BrokenCircuitException"/>, which fails fast without touching the wire: surfaced as
/// <see cref="Abstractions.ChannelPausedException"/> with the break duration). The inner exception keeps the detail.
/// A caller's own cancellation passes through untouched.
/// </summary>
public sealed class ChannelFailureMessageHandler(ChannelKind channel, TimeSpan? breakDuration = null) : DelegatingHandler
{
    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        try
        {
            return await base.SendAsync(request, cancellationToken);
        }
        catch (BrokenCircuitException ex)
        {
            throw new Abstractions.ChannelPausedException(channel,
                $"{ChannelNames.Display(channel)} failed repeatedly, so calls to this account are paused for a short while.", breakDuration, ex);
        }
        catch (TimeoutRejectedException ex)
        {
            throw new Abstractions.ChannelNetworkException(channel, $"{ChannelNames.Display(channel)} did not answer in time.", ex);
        }
        catch (HttpRequestException ex)
        {
            throw ChannelErrors.Network(channel, ex);
        }
        catch (OperationCanceledException ex) when (!cancellationToken.IsCancellationRequested)
        {
            // HttpClient's own Timeout, not the caller's cancellation.
            throw new Abstractions.ChannelNetworkException(channel, $"{ChannelNames.Display(channel)} did not answer in time.", ex);
        }
    }
}
