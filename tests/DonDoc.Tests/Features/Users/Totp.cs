using System.Buffers.Binary;
using System.Security.Cryptography;

namespace DonDoc.Tests.Features.Users;

/// <summary>The codes an authenticator app shows (RFC 6238: HMAC-SHA1, 30-second steps, 6 digits), computed as the phone would.</summary>
public static class Totp
{
    /// <param name="step">0 for the current 30 seconds, 1 for the next ones; Identity accepts a couple of steps either side.</param>
    public static string Code(string base32Key, int step = 0)
    {
        // Identity checks codes against the machine's clock, not the app's TimeProvider.
        var counter = DateTimeOffset.UtcNow.ToUnixTimeSeconds() / 30 + step;
        Span<byte> message = stackalloc byte[8];
        BinaryPrimitives.WriteInt64BigEndian(message, counter);
        var hash = HMACSHA1.HashData(FromBase32(base32Key), message);
        var offset = hash[^1] & 0x0f;
        var value = BinaryPrimitives.ReadInt32BigEndian(hash.AsSpan(offset)) & 0x7fffffff;
        return (value % 1_000_000).ToString("D6", System.Globalization.CultureInfo.InvariantCulture);
    }

    private static byte[] FromBase32(string text)
    {
        const string alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
        var bits = 0;
        var buffer = 0;
        var bytes = new List<byte>();
        foreach (var c in text.ToUpperInvariant().Where(c => c is not (' ' or '=')))
        {
            buffer = (buffer << 5) | alphabet.IndexOf(c);
            bits += 5;
            if (bits >= 8)
            {
                bytes.Add((byte)(buffer >> (bits - 8)));
                bits -= 8;
            }
        }
        return [.. bytes];
    }
}
