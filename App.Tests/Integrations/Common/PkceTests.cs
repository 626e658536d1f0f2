using System.Text.Json;
using SellerPortal.Integrations.Common;
using SellerPortal.Tests.Integrations.Support;

namespace SellerPortal.Tests.Integrations.Common;

public sealed class PkceTests
{
    [OfficialExampleFact("pkce_rfc7636_vector.json")]
    public void TheChallenge_IsRfc7636AppendixBs()
    {
        using var vector = JsonDocument.Parse(OfficialExamples.Read("pkce_rfc7636_vector.json")!);

        Assert.Equal(vector.RootElement.GetProperty("expected_code_challenge").GetString(),
            Pkce.Challenge(vector.RootElement.GetProperty("code_verifier").GetString()!));
    }

    [Fact]
    public void Base64Url_HasNoPaddingPlusOrSlash()
    {
        Assert.Equal("-__8", Pkce.Base64Url([0xfb, 0xff, 0xfc]));
        Assert.Equal("AA", Pkce.Base64Url([0x00]));
    }
}
