using Microsoft.Extensions.Options;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Amazon.Support;

/// <summary>The HTTP boundary of an offline Amazon client (see <see cref="WireRecorder{TSelf}"/>).</summary>
public sealed class AmazonWireRecorder : WireRecorder<AmazonWireRecorder>
{
    public static ChannelAccountContext Account { get; } = new(7, ChannelKind.Amazon, ChannelEnvironment.Production, "A1OFFLINE/NA", "A1OFFLINE", "NA");

    /// <summary>A connector whose client sends into <paramref name="recorder"/>, reading the clock from <paramref name="time"/>.</summary>
    public static AmazonConnector Connector(AmazonWireRecorder recorder, TimeProvider time)
    {
        var options = Options.Create(new AmazonOptions());
        var client = new AmazonClient(new HttpClient(recorder), new NoClients(), options);
        return new AmazonConnector(client, options, time);
    }

    private sealed class NoClients : IHttpClientFactory
    {
        public HttpClient CreateClient(string name) => throw new InvalidOperationException("No document traffic in offline tests.");
    }
}
