using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Sandbox.TikTokShop;
using SellerPortal.Tests.TestSupport;

namespace SellerPortal.Tests.Integrations.TikTokShop.Support;

/// <summary>
/// The portal with a stand-in webhook receiver at /test-webhooks/TikTokShop (the real intake lives in
/// Integrations/Common), and the emulator's webhook client routed into this in-memory server.
/// </summary>
public sealed class WebhookCaptureAppFactory(string? dataDirectory, IDictionary<string, string?> settings)
    : PortalAppFactory(dataDirectory, settings)
{
    public const string ReceiverPath = "/test-webhooks/TikTokShop";

    public ConcurrentQueue<WebhookRequest> Received { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services =>
        {
            services.AddHttpClient(TikTokShopSandboxControl.WebhookClientName)
                .ConfigurePrimaryHttpMessageHandler(sp => ((TestServer)sp.GetRequiredService<IServer>()).CreateHandler());
            services.AddSingleton<IStartupFilter>(new ReceiverFilter(Received));
        });
    }

    private sealed class ReceiverFilter(ConcurrentQueue<WebhookRequest> received) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Map(ReceiverPath, receiver => receiver.Run(async context =>
            {
                using var reader = new StreamReader(context.Request.Body);
                var body = await reader.ReadToEndAsync(context.RequestAborted);
                var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
                received.Enqueue(new WebhookRequest(ReceiverPath, headers, body));
                context.Response.StatusCode = StatusCodes.Status200OK;
            }));
            next(app);
        };
    }
}
