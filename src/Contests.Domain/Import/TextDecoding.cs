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

    /// <summary>
    /// Text holding a NUL character is not a spreadsheet export: it is UTF-16 without its BOM or a binary file, and a NUL
    /// could not be stored anyway.
    /// </summary>
    public static (string? Text, string? Refusal) Decode(ReadOnlySpan<byte> bytes)
    {
        try
        {
            var text = bytes switch
            {
                [0xEF, 0xBB, 0xBF, ..] => StrictUtf8.GetString(bytes[3..]),
                [0xFF, 0xFE, ..] => new UnicodeEncoding(bigEndian: false, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]),
                [0xFE, 0xFF, ..] => new UnicodeEncoding(bigEndian: true, byteOrderMark: false, throwOnInvalidBytes: true).GetString(bytes[2..]),
                _ => StrictUtf8.GetString(bytes),
            };
            return text.Contains('\0', StringComparison.Ordinal) ? (null, UnsupportedEncoding) : (text, null);
        }
        catch (DecoderFallbackException)
        {
            return (null, UnsupportedEncoding);
        }
    }
}
