using System.Net;
using System.Text;

namespace SellerPortal.Tests.Integrations.Support;

/// <summary>
/// The HTTP boundary of an offline client: records every request as sent (method, URL, headers, body) and answers
/// each with what the test queued for its path, or 204.
/// </summary>
public abstract class WireRecorder<TSelf> : HttpMessageHandler
    where TSelf : WireRecorder<TSelf>
{
    public sealed record Sent(HttpMethod Method, Uri Url, HttpRequestMessage Request, string? Body);

    private readonly Dictionary<string, Func<HttpResponseMessage>> answers = new(StringComparer.Ordinal);

    public List<Sent> Requests { get; } = [];

    /// <summary>Answers requests whose path ends with <paramref name="pathSuffix"/> with this JSON.</summary>
    public TSelf Answer(string pathSuffix, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        answers[pathSuffix] = () => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return (TSelf)this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        lock (Requests)
        {
            Requests.Add(new Sent(request.Method, request.RequestUri!, request, body));
        }

        var match = answers.FirstOrDefault(a => request.RequestUri!.AbsolutePath.EndsWith(a.Key, StringComparison.Ordinal));
        return match.Value?.Invoke() ?? new HttpResponseMessage(HttpStatusCode.NoContent);
    }
}
