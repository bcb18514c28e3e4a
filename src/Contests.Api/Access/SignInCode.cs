using System.Security.Cryptography;
using Contests.Api.Infrastructure;

namespace Contests.Api.Access;

/// <summary>A personal, single-use, expiring, revocable code that a judge, referee or team exchanges for a session.</summary>
public sealed record SignInCode(
    Guid Id, string Role, string DisplayName, Guid PrincipalId, DateTimeOffset ExpiresAt, DateTimeOffset? RedeemedAt, DateTimeOffset? RevokedAt)
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";
    private const int CodeLength = 12;

    public long Version { get; set; }

    public static SignInCode Create(SignInCodeIssued issued) =>
        new(issued.CodeId, issued.Role, issued.DisplayName, issued.PrincipalId, issued.ExpiresAt, null, null);

    public SignInCode Apply(SignInCodeRedeemed redeemed) => this with { RedeemedAt = redeemed.RedeemedAt };

    public SignInCode Apply(SignInCodeRevoked revoked) => this with { RevokedAt = revoked.RevokedAt };

    public bool CanBeRedeemedAt(DateTimeOffset now) => RedeemedAt is null && RevokedAt is null && now < ExpiresAt;

    /// <summary>12 characters from 31 symbols is about 59 bits: far beyond guessing under the sign-in rate limit.</summary>
    public static string NewCode()
    {
        Span<char> code = stackalloc char[CodeLength];
        for (var index = 0; index < CodeLength; index++)
        {
            code[index] = Alphabet[RandomNumberGenerator.GetInt32(Alphabet.Length)];
        }

        return new string(code);
    }

    /// <summary>People type codes with spaces, dashes and lower case; all of those are the same code.</summary>
    public static string Normalise(string? code) =>
        new((code ?? string.Empty).Where(char.IsLetterOrDigit).Select(char.ToUpperInvariant).ToArray());

    public static Guid IdFor(string code) => StreamIds.For("sign-in-code", Normalise(code));
}
