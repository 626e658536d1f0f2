namespace SellerPortal.Features.Inventory;

/// <summary>What the adjust-stock dialog returns: a change by <see cref="Amount"/>, or a counted figure.</summary>
public sealed record StockAdjustment(bool SetCount, int Amount, string Note);
