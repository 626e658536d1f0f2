using SellerPortal.Features.Catalog;

namespace SellerPortal.Tests.Features.Catalog;

public sealed class ChannelPricingTests
{
    private static Money Usd(long minor) => new(minor, "USD");

    [Theory]
    [InlineData(1234, 1299)]
    [InlineData(1299, 1299)]
    [InlineData(1300, 1399)]
    [InlineData(1, 99)]
    public void Round_To99_GoesToTheNextPriceEndingIn99(long input, long expected) =>
        Assert.Equal(expected, ChannelPricing.Round(input, PriceRounding.To99, "USD"));

    [Theory]
    [InlineData(1234, 1295)]
    [InlineData(1296, 1395)]
    public void Round_To95(long input, long expected) => Assert.Equal(expected, ChannelPricing.Round(input, PriceRounding.To95, "USD"));

    [Theory]
    [InlineData(1249, 1200)]
    [InlineData(1250, 1300)]
    public void Round_ToWhole_NearestHalfUp(long input, long expected) => Assert.Equal(expected, ChannelPricing.Round(input, PriceRounding.ToWhole, "USD"));

    [Fact]
    public void Round_To99_ForAThreeDecimalCurrency_UsesItsMinorUnits() =>
        Assert.Equal(12_990, ChannelPricing.Round(12_340, PriceRounding.To99, "KWD"));

    [Fact]
    public void Round_To99_ForACurrencyWithoutCents_LeavesThePrice() =>
        Assert.Equal(1234, ChannelPricing.Round(1234, PriceRounding.To99, "JPY"));

    [Fact]
    public void Apply_PercentUp() => Assert.Equal(Usd(1100), ChannelPricing.Apply(new PriceRule(PriceRuleKind.Percent, PercentBasisPoints: 1000), Usd(1000)));

    [Fact]
    public void Apply_PercentDown_RoundsHalfAwayFromZero() =>
        // 999 - 7.5 % = 924.075 → 924
        Assert.Equal(Usd(924), ChannelPricing.Apply(new PriceRule(PriceRuleKind.Percent, PercentBasisPoints: -750), Usd(999)));

    [Fact]
    public void Apply_PercentUpThenTo99() =>
        // 20.00 + 12 % = 22.40 → 22.99; rounding never lowers a price below what the rule gave.
        Assert.Equal(Usd(2299), ChannelPricing.Apply(new PriceRule(PriceRuleKind.Percent, 1200, Rounding: PriceRounding.To99), Usd(2000)));

    [Fact]
    public void Apply_AmountUpAndDown()
    {
        Assert.Equal(Usd(1250), ChannelPricing.Apply(new PriceRule(PriceRuleKind.Amount, AmountMinor: 250), Usd(1000)));
        Assert.Equal(Usd(750), ChannelPricing.Apply(new PriceRule(PriceRuleKind.Amount, AmountMinor: -250), Usd(1000)));
    }

    [Fact]
    public void Apply_Fixed_IgnoresTheBasePrice() =>
        Assert.Equal(Usd(1999), ChannelPricing.Apply(new PriceRule(PriceRuleKind.Fixed, AmountMinor: 1999), Usd(5000)));

    [Fact]
    public void Apply_Base_KeepsThePriceAndCurrency() => Assert.Equal(new Money(5000, "EUR"), ChannelPricing.Apply(PriceRule.Base, new Money(5000, "EUR")));

    [Fact]
    public void CheckMargin_BelowFloor_ReportsTheFigures()
    {
        // 12.50 with cost 10.00, 13 % + 0.30 fees, 5 % minimum margin: fees 1.63 + 0.30, margin 0.63, floor 12.56.
        var check = ChannelPricing.CheckMargin(1250, 1000, new ChannelFees(1300, 30), 500, "USD");

        Assert.True(check.BelowFloor);
        Assert.Equal(163 + 30, check.FeesMinor);
        Assert.Equal(63, check.RequiredMarginMinor);
        Assert.Equal(1000 + 193 + 63, check.FloorMinor);
        Assert.Equal(1250 - 1000 - 193, check.ProfitMinor);
        Assert.Equal("Below the floor: price 12.50 USD, floor 12.56 USD (cost 10.00 USD + fees 1.93 USD + margin 0.63 USD); profit 0.57 USD.", check.Message);
    }

    [Fact]
    public void CheckMargin_AtOrAboveFloor_Passes() =>
        Assert.False(ChannelPricing.CheckMargin(1299, 1000, new ChannelFees(1300, 30), 500, "USD").BelowFloor);

    [Fact]
    public void MinimumPrice_IsTheLowestPriceThatPasses()
    {
        var fees = new ChannelFees(1300, 30);

        var min = ChannelPricing.MinimumPrice(1000, fees, 500)!.Value;

        Assert.False(ChannelPricing.CheckMargin(min, 1000, fees, 500, "USD").BelowFloor);
        Assert.True(ChannelPricing.CheckMargin(min - 1, 1000, fees, 500, "USD").BelowFloor);
        Assert.Null(ChannelPricing.MinimumPrice(1000, new ChannelFees(9000, 0), 1000));
    }
}
