using System.Text;

namespace Contests.Domain.Import;

/// <summary>
/// CSV files arrive as UTF-8 (with or without BOM) or UTF-16 (with BOM). Anything else — typically a legacy Windows
/// code page — is refused with a message, because guessing turns Vietnamese names into mojibake.
/// </summary>
public static class TextDecoding
{
    public const string UnsupportedEncoding = "encoding-unsupported";

    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public static (string? Text, string? Refusal) Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            return bytes switch
            {
                [0xEF, 0xBB, 0xBF, ..] => (StrictUtf8.GetString(bytes[3..]), null),
                [0xFF, 0xFE, ..] => (new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]), null),
                [0xFE, 0xFF, ..] => (new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]), null),
                _ => (StrictUtf8.GetString(bytes), null),
            };
        }
        catch (DecoderFallbackException)
        {
            return (null, UnsupportedEncoding);
        }
    }
}
