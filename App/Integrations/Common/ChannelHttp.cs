using SellerPortal.Integrations.Abstractions;

namespace SellerPortal.Integrations.Common;

/// <summary>
/// The one send skeleton every channel client uses: send through the client's pipeline, turn a call that got no whole
/// answer into <see cref="ChannelNetworkException"/>, then hand the answer to the channel's own reader, which returns
/// the result or throws the typed exception the channel's error envelope means. The response is disposed after.
/// </summary>
public static class ChannelHttp
{
    /// <remarks>
    /// Behind the shared pipeline a connection that fails before the answer already arrives as
    /// <see cref="ChannelNetworkException"/> (<see cref="ChannelFailureMessageHandler"/>). What still reaches these
    /// catches: HttpClient buffers the body after the handlers have returned, so an answer dropped halfway fails here;
    /// and a client built without the pipeline (a fixture) fails here for everything.
    /// </remarks>
    public static async Task<T> SendAsync<T>(
        this HttpClient http, ChannelKind channel, HttpRequestMessage request, Func<HttpResponseMessage, CancellationToken, Task<T>> read, CancellationToken ct)
    {
        var name = ChannelNames.Display(channel);
        var operation = request.Options.TryGetValue(ChannelRequestOptions.Operation, out var op) ? $" {op}" : "";
        HttpResponseMessage response;
        try
        {
            response = await http.SendAsync(request, ct);
        }
        catch (Exception ex) when (ex is HttpRequestException or IOException)
        {
            throw new ChannelNetworkException(channel, $"{name}{operation}: no whole answer ({ex.Message}). Try again in a few minutes.", ex);
        }
        catch (OperationCanceledException ex) when (!ct.IsCancellationRequested)
        {
            throw new ChannelNetworkException(channel, $"{name}{operation}: did not answer in time.", ex);
        }

        using (response)
        {
            return await read(response, ct);
        }
    }
}
