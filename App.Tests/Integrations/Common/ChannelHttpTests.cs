using System.Net;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Tests.Integrations.Common;

/// <summary>The one send skeleton: what reaches the caller when the answer is whole, dropped halfway, late, or cancelled.</summary>
public sealed class ChannelHttpTests
{
    private static readonly ChannelAccountContext Account = new(3, ChannelKind.Ebay, ChannelEnvironment.Sandbox);

    [Fact]
    public async Task AWholeAnswer_GoesToTheChannelsReader()
    {
        using var http = new HttpClient(new Answering(_ => new HttpResponseMessage(HttpStatusCode.Accepted) { Content = new StringContent("{\"ok\":1}") }));

        var read = await http.SendAsync(ChannelKind.Ebay, Request(), async (r, ct) => $"{(int)r.StatusCode} {await r.Content.ReadAsStringAsync(ct)}", CancellationToken.None);

        Assert.Equal("202 {\"ok\":1}", read);
    }

    [Fact]
    public async Task AnAnswerDroppedHalfway_IsANetworkFailure_NamingTheOperation()
    {
        // HttpClient buffers the body after the handlers return, so this failure is outside the pipeline's own handler.
        using var http = new HttpClient(new Answering(_ => new HttpResponseMessage(HttpStatusCode.OK) { Content = new StreamContent(new DroppingStream()) }));

        var error = await Assert.ThrowsAsync<ChannelNetworkException>(() =>
            http.SendAsync(ChannelKind.Ebay, Request(), (_, _) => Task.FromResult(0), CancellationToken.None));

        Assert.Equal(ChannelKind.Ebay, error.Channel);
        Assert.StartsWith("eBay getOffers: no whole answer", error.Message, StringComparison.Ordinal);
        // HttpClient wraps the reset as "error while copying content": the reset itself is kept underneath.
        Assert.IsType<IOException>(Assert.IsType<HttpRequestException>(error.InnerException).InnerException);
    }

    [Fact]
    public async Task ATimeout_IsANetworkFailure_ButTheCallersOwnCancellationPassesThrough()
    {
        using var slow = new HttpClient(new Answering(_ => throw new TaskCanceledException("timeout")));
        var late = await Assert.ThrowsAsync<ChannelNetworkException>(() =>
            slow.SendAsync(ChannelKind.Ebay, Request(), (_, _) => Task.FromResult(0), CancellationToken.None));
        Assert.Equal("eBay getOffers: did not answer in time.", late.Message);

        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() =>
            slow.SendAsync(ChannelKind.Ebay, Request(), (_, _) => Task.FromResult(0), cancelled.Token));
    }

    private static HttpRequestMessage Request() => new HttpRequestMessage(HttpMethod.Get, "https://api.channel.test/offers").For(Account, "getOffers");

    private sealed class Answering(Func<HttpRequestMessage, HttpResponseMessage> answer) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            cancellationToken.ThrowIfCancellationRequested();
            return Task.FromResult(answer(request));
        }
    }

    private sealed class DroppingStream : Stream
    {
        private bool sent;

        public override bool CanRead => true;
        public override bool CanSeek => false;
        public override bool CanWrite => false;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }

        public override int Read(byte[] buffer, int offset, int count)
        {
            if (sent)
            {
                throw new IOException("The connection was reset.");
            }

            sent = true;
            buffer[offset] = (byte)'{';
            return 1;
        }

        public override void Flush() { }
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();
        public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
    }
}
