using SellerPortal.Tests.Integrations.Amazon.Support;
using SellerPortal.Tests.Integrations.Ebay.Support;

namespace SellerPortal.Tests.Integrations.Support;

/// <summary>
/// One portal per channel emulator for all classes that use it, started together and disposed together at the end:
/// Quartz keeps its logger provider in a static, so a portal disposed while another starts breaks the starting one.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ChannelEmulatorsCollection : ICollectionFixture<AmazonEmulatorFixture>, ICollectionFixture<EbayEmulatorFixture>
{
    public const string Name = "Channel emulators";
}
