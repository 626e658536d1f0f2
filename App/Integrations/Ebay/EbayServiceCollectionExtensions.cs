using Microsoft.Extensions.DependencyInjection.Extensions;
using SellerPortal.Integrations.Abstractions;
using SellerPortal.Integrations.Common;

namespace SellerPortal.Integrations.Ebay;

public static class EbayServiceCollectionExtensions
{
    /// <summary>
    /// eBay Sell APIs: options, the bearer handler, the typed client, the connector contract and the account deletion
    /// webhook verifier. Needs an <see cref="IAccessTokenSource"/> (Integrations/Common's token service in the app).
    /// The challenge endpoint is mapped separately with <see cref="EbayDeletionEndpoints.MapEbayDeletionChallenge"/>.
    /// </summary>
    /// <param name="pipeline">
    /// The place for the shared HTTP pipeline (rate limiter, resilience, call log):
    /// <c>builder.AddEbay(http => http.AddChannelPipeline(ChannelKind.Ebay, limits))</c>. It runs before the token
    /// handler is added, so it sits outside it and every retry fetches the token again.
    /// </param>
    public static IHostApplicationBuilder AddEbay(this IHostApplicationBuilder builder, Action<IHttpClientBuilder>? pipeline = null)
    {
        builder.Services.AddOptions<EbayOptions>()
            .BindConfiguration(EbayOptions.SectionName)
            .Validate(o => o.Production.ApiBaseUrl.IsAbsoluteUri && o.Sandbox.ApiBaseUrl.IsAbsoluteUri, "eBay API base URLs must be absolute.")
            .Validate(o => o.AccountDeletion.VerificationToken is null
                    || System.Text.RegularExpressions.Regex.IsMatch(o.AccountDeletion.VerificationToken, "^[A-Za-z0-9_-]{32,80}$"),
                "Channels:Ebay:AccountDeletion:VerificationToken must be 32-80 letters, digits, '_' or '-'.")
            .ValidateOnStart();
        builder.Services.TryAddSingleton(TimeProvider.System);

        var http = builder.Services.AddHttpClient<EbayClient>();
        pipeline?.Invoke(http);
        // The user access token in Authorization: Bearer; a 401 (errorId 1001, "Invalid access token") refreshes once.
        http.AddChannelBearerToken(new AccessTokenPlacement
        {
            UntaggedRequestError = "eBay requests must be tagged with ChannelRequestOptions.For(account, operation).",
        });

        // Token endpoint and application-token calls: Basic client credentials or an app token, never a user token.
        builder.Services.AddHttpClient(EbayAuthorization.OAuthClientName);

        builder.Services.AddTransient<EbayAuthorization>();
        builder.Services.AddTransient<EbayConnector>();
        builder.Services.AddSingleton<EbayNotificationKeys>(sp => new EbayNotificationKeys(
            sp.GetRequiredService<IHttpClientFactory>(), sp.GetRequiredService<EbayAuthorization>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<EbayOptions>>(), sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddTransient<EbayWebhookVerifier>();
        builder.Services.AddTransient<EbayAccountSettings>();
        builder.Services.AddChannel(EbayDescriptor.Descriptor)
            .Connector<EbayConnector>()
            .Authorization<EbayAuthorization>()
            .WebhookVerifier<EbayWebhookVerifier>()
            .AccountSettings<EbayAccountSettings>();
        // In Development and tests with the sandbox on, the client talks to its emulator (Sandbox/<Channel>).
        if (Sandbox.Common.SandboxServiceCollectionExtensions.IsEnabled(builder))
        {
            builder.PointEbayAtEmulator();
        }

        return builder;
    }
}
