namespace SellerPortal.Features.Catalog;

/// <summary>
/// An amount in integer minor units (cents, paise) with its ISO 4217 currency.
/// Never a float, never a decimal column: SQLite cannot sort or compare <c>decimal</c>.
/// </summary>
public sealed record Money(long AmountMinor, string Currency)
{
    public static Money Zero(string currency) => new(0, currency);

    /// <summary>Minor-unit exponent per currency; two unless the currency says otherwise (ISO 4217).</summary>
    public static int Exponent(string currency) => currency switch
    {
        "JPY" or "KRW" or "VND" or "CLP" or "ISK" => 0,
        "BHD" or "KWD" or "OMR" or "JOD" or "TND" => 3,
        _ => 2,
    };

    public decimal ToDecimal() => AmountMinor / (decimal)Math.Pow(10, Exponent(Currency));

    public static Money FromDecimal(decimal amount, string currency) =>
        new((long)Math.Round(amount * (decimal)Math.Pow(10, Exponent(currency)), MidpointRounding.AwayFromZero), currency);

    public override string ToString() =>
        $"{ToDecimal().ToString("N" + Exponent(Currency), System.Globalization.CultureInfo.InvariantCulture)} {Currency}";
}
