namespace SellerPortal.Features.Catalog;

/// <summary>How a channel's price is derived from the master price.</summary>
public enum PriceRuleKind
{
    /// <summary>The master price as it is.</summary>
    BasePrice,
    /// <summary>The master price plus (or, negative, minus) <see cref="PriceRule.PercentBasisPoints"/>.</summary>
    Percent,
    /// <summary>The master price plus (or, negative, minus) <see cref="PriceRule.AmountMinor"/>.</summary>
    Amount,
    /// <summary><see cref="PriceRule.AmountMinor"/> whatever the master price.</summary>
    Fixed,
}

public enum PriceRounding
{
    None,
    /// <summary>The lowest price at or above that ends in .99 (12.34 → 12.99; 13.00 → 13.99).</summary>
    To99,
    /// <summary>The lowest price at or above that ends in .95 (12.34 → 12.95; 12.96 → 13.95).</summary>
    To95,
    /// <summary>The nearest whole unit, halves away from zero (12.49 → 12.00; 12.50 → 13.00).</summary>
    ToWhole,
}

/// <summary>
/// A channel's price rule. Percent in basis points (1000 = 10 %) and amounts in minor units, so no float ever
/// touches a price.
/// </summary>
public sealed record PriceRule(PriceRuleKind Kind, int PercentBasisPoints = 0, long AmountMinor = 0, PriceRounding Rounding = PriceRounding.None)
{
    public static PriceRule Base { get; } = new(PriceRuleKind.BasePrice);
}

/// <summary>What one unit costs to sell on a channel account, for the margin guard.</summary>
public sealed record ChannelFees(int FeePercentBasisPoints, long FixedFeeMinor);

/// <summary>
/// The margin guard's figures: the floor is cost + fees + the minimum margin, all taken on the channel price.
/// </summary>
public sealed record MarginCheck(
    long PriceMinor,
    long CostMinor,
    long FeesMinor,
    long RequiredMarginMinor,
    long FloorMinor,
    long ProfitMinor,
    string Currency)
{
    public bool BelowFloor => PriceMinor < FloorMinor;

    public string Message =>
        $"{(BelowFloor ? "Below the floor" : "Above the floor")}: price {M(PriceMinor)}, floor {M(FloorMinor)} " +
        $"(cost {M(CostMinor)} + fees {M(FeesMinor)} + margin {M(RequiredMarginMinor)}); profit {M(ProfitMinor)}.";

    private string M(long minor) => new Money(minor, Currency).ToString();
}

/// <summary>Channel price rules and the margin guard, in integer minor units. Pure: the bulk publish calls it.</summary>
public static class ChannelPricing
{
    private const long BasisPoints = 10_000;

    public static Money Apply(PriceRule rule, Money basePrice)
    {
        var raw = rule.Kind switch
        {
            PriceRuleKind.BasePrice => basePrice.AmountMinor,
            PriceRuleKind.Percent => checked(basePrice.AmountMinor + PercentOf(basePrice.AmountMinor, rule.PercentBasisPoints)),
            PriceRuleKind.Amount => checked(basePrice.AmountMinor + rule.AmountMinor),
            PriceRuleKind.Fixed => rule.AmountMinor,
            _ => throw new ArgumentOutOfRangeException(nameof(rule), rule.Kind, "Unknown price rule."),
        };
        return new Money(Math.Max(0, Round(raw, rule.Rounding, basePrice.Currency)), basePrice.Currency);
    }

    public static long Round(long amountMinor, PriceRounding rounding, string currency)
    {
        var unit = Pow10(Money.Exponent(currency));
        switch (rounding)
        {
            case PriceRounding.None:
                return amountMinor;
            case PriceRounding.ToWhole:
                return DivideRounded(amountMinor, unit) * unit;
            case PriceRounding.To99 or PriceRounding.To95 when unit >= 100:
                // The ending in minor units: .99 of a unit (99 cents; 990 fils for a three-decimal currency).
                var ending = unit * (rounding == PriceRounding.To99 ? 99 : 95) / 100;
                var whole = Math.DivRem(amountMinor, unit, out var part);
                if (part < 0)
                {
                    whole--;
                    part += unit;
                }

                return (part <= ending ? whole : whole + 1) * unit + ending;
            default:
                // A currency without cents (JPY) has no .99 ending to round to.
                return amountMinor;
        }
    }

    /// <summary>
    /// Whether <paramref name="priceMinor"/> covers the cost, the channel's fees (percent of the price plus a fixed fee)
    /// and <paramref name="minimumMarginBasisPoints"/> of the price as margin.
    /// </summary>
    public static MarginCheck CheckMargin(long priceMinor, long costMinor, ChannelFees fees, int minimumMarginBasisPoints, string currency)
    {
        var feesMinor = checked(PercentOf(priceMinor, fees.FeePercentBasisPoints) + fees.FixedFeeMinor);
        var margin = PercentOf(priceMinor, minimumMarginBasisPoints);
        var floor = checked(costMinor + feesMinor + margin);
        return new MarginCheck(priceMinor, costMinor, feesMinor, margin, floor, priceMinor - costMinor - feesMinor, currency);
    }

    /// <summary>The lowest price that passes <see cref="CheckMargin"/>, or null when fees and margin take 100 % or more.</summary>
    public static long? MinimumPrice(long costMinor, ChannelFees fees, int minimumMarginBasisPoints)
    {
        var keep = BasisPoints - fees.FeePercentBasisPoints - minimumMarginBasisPoints;
        if (keep <= 0)
        {
            return null;
        }

        // price * keep / 10000 >= cost + fixed, rounded up; then nudged either way for the half-up rounding of the percentages.
        var price = CeilDiv(checked((costMinor + fees.FixedFeeMinor) * BasisPoints), keep);
        while (CheckMargin(price, costMinor, fees, minimumMarginBasisPoints, "XXX").BelowFloor)
        {
            price++;
        }

        while (price > 0 && !CheckMargin(price - 1, costMinor, fees, minimumMarginBasisPoints, "XXX").BelowFloor)
        {
            price--;
        }

        return price;
    }

    /// <summary><paramref name="basisPoints"/> of <paramref name="amountMinor"/>, halves away from zero.</summary>
    public static long PercentOf(long amountMinor, int basisPoints) => DivideRounded(checked(amountMinor * basisPoints), BasisPoints);

    private static long DivideRounded(long value, long divisor)
    {
        var quotient = Math.DivRem(value, divisor, out var remainder);
        if (Math.Abs(remainder) * 2 >= divisor)
        {
            quotient += Math.Sign(value);
        }

        return quotient;
    }

    private static long CeilDiv(long value, long divisor) => (value + divisor - 1) / divisor;

    private static long Pow10(int exponent)
    {
        var result = 1L;
        for (var i = 0; i < exponent; i++)
        {
            result *= 10;
        }

        return result;
    }
}
