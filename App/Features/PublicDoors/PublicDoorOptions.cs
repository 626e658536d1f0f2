using System.ComponentModel.DataAnnotations;

namespace SellerPortal.Features.PublicDoors;

/// <summary>
/// How often a stranger may knock on the portal's anonymous doors, per minute. Sign-in is limited per client address
/// and per account name (on top of Identity's lockout after five failures); first-run setup per address; webhooks per
/// channel and address (high: a channel redelivers in bursts, and a busy shop sends hundreds a minute).
/// </summary>
public sealed class PublicDoorOptions
{
    public const string SectionName = "PublicDoors";

    [Range(1, 100_000)]
    public int SignInPerAddressPerMinute { get; set; } = 30;

    [Range(1, 100_000)]
    public int SignInPerAccountPerMinute { get; set; } = 10;

    [Range(1, 100_000)]
    public int SetupPerAddressPerMinute { get; set; } = 10;

    [Range(1, 1_000_000)]
    public int WebhooksPerChannelAndAddressPerMinute { get; set; } = 6_000;
}
