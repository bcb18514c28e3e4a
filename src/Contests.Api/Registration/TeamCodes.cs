namespace Contests.Api.Registration;

/// <summary>
/// The code a team reads out on the phone and types at the portal: 8 characters from an alphabet without 0/O, 1/I/L,
/// derived from the team id so a retried registration gets the same code.
/// </summary>
public static class TeamCodes
{
    private const string Alphabet = "23456789ABCDEFGHJKMNPQRSTUVWXYZ";

    public static string For(Guid teamId)
    {
        var bytes = teamId.ToByteArray(bigEndian: true);
        var value = BitConverter.ToUInt64(bytes, 8);
        Span<char> code = stackalloc char[9];
        for (var index = 0; index < code.Length; index++)
        {
            if (index == 4)
            {
                code[index] = '-';
                continue;
            }

            code[index] = Alphabet[(int)(value % (ulong)Alphabet.Length)];
            value /= (ulong)Alphabet.Length;
        }

        return new string(code);
    }
}
