using Contests.Domain.Awards;

namespace Contests.Api.Awards;

public static class AwardNames
{
    public static string Vietnamese(AwardTier tier) => tier switch
    {
        AwardTier.Special => "Giải Đặc biệt",
        AwardTier.First => "Giải Nhất",
        AwardTier.Second => "Giải Nhì",
        AwardTier.Third => "Giải Ba",
        _ => "Giải Khuyến khích",
    };
}
