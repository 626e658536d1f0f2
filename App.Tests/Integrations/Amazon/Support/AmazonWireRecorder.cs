using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.Extensions.Options;
using SellerPortal.Features.Channels;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Amazon;

namespace SellerPortal.Tests.Integrations.Amazon.Support;

/// <summary>
/// The HTTP boundary of an offline Amazon client: records every request as sent (method, URL, headers, body) and
/// answers each with what the test queued for its path, or 204.
/// </summary>
public sealed class AmazonWireRecorder : HttpMessageHandler
{
    public sealed record Sent(HttpMethod Method, Uri Url, HttpRequestMessage Request, string? Body);

    private readonly Dictionary<string, Func<HttpResponseMessage>> answers = new(StringComparer.Ordinal);

    public List<Sent> Requests { get; } = [];

    /// <summary>Answers requests whose path ends with <paramref name="pathSuffix"/> with this JSON.</summary>
    public AmazonWireRecorder Answer(string pathSuffix, string json, HttpStatusCode status = HttpStatusCode.OK)
    {
        answers[pathSuffix] = () => new HttpResponseMessage(status) { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        return this;
    }

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        Requests.Add(new Sent(request.Method, request.RequestUri!, request, body));
        var match = answers.FirstOrDefault(a => request.RequestUri!.AbsolutePath.EndsWith(a.Key, StringComparison.Ordinal));
        return match.Value?.Invoke() ?? new HttpResponseMessage(HttpStatusCode.NoContent);
    }

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

/// <summary>A JSON document as its member paths and JSON kinds: <c>packageDetail.orderItems[].quantity → Number</c>.</summary>
public static class JsonShape
{
    public static Dictionary<string, string> Of(string json) => Of(JsonDocument.Parse(json).RootElement);

    public static Dictionary<string, string> Of(JsonElement root, Func<string, bool>? descendInto = null)
    {
        var paths = new Dictionary<string, string>(StringComparer.Ordinal);
        Walk(root, "", paths, descendInto ?? (_ => true));
        return paths;
    }

    private static void Walk(JsonElement element, string path, Dictionary<string, string> paths, Func<string, bool> descendInto)
    {
        if (path.Length > 0)
        {
            paths[path] = element.ValueKind switch
            {
                JsonValueKind.True or JsonValueKind.False => "Boolean",
                var kind => kind.ToString(),
            };
        }

        if (path.Length > 0 && !descendInto(path))
        {
            return;
        }

        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                foreach (var member in element.EnumerateObject())
                {
                    Walk(member.Value, path.Length == 0 ? member.Name : path + "." + member.Name, paths, descendInto);
                }

                break;
            case JsonValueKind.Array:
                foreach (var item in element.EnumerateArray())
                {
                    Walk(item, path + "[]", paths, descendInto);
                }

                break;
        }
    }
}
