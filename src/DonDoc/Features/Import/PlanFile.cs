using System.Text;
using DocumentFormat.OpenXml.Packaging;

namespace DonDoc.Features.Import;

/// <summary>
/// Reads a plan file (.txt or .docx) into text, refusing clearly what cannot be read: a missing or empty file,
/// one over 50 MB, a password-protected or corrupt .docx, text in a legacy Vietnamese encoding.
/// </summary>
public static class PlanFile
{
    public const long MaxBytes = 50L * 1024 * 1024;

    // Password-protected .docx files are OLE compound files, as are old .doc files.
    private static readonly byte[] OleSignature = [0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1];

    public sealed record Result(string? Text, string? Error);

    public static Result Read(string path)
    {
        if (!File.Exists(path))
            return new(null, $"Không tìm thấy tệp “{path}”.");
        try
        {
            var length = new FileInfo(path).Length;
            if (length > MaxBytes)
                return new(null, $"Tệp quá lớn ({length / (1024 * 1024)} MB): chỉ nhập được tệp đến 50 MB.");
            using var stream = File.OpenRead(path);
            return Read(stream, Path.GetExtension(path));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return new(null, $"Không đọc được tệp “{path}”: {ex.Message}");
        }
    }

    /// <param name="extension">".txt" or ".docx" (other extensions are read by their content).</param>
    public static Result Read(Stream stream, string extension)
    {
        if (stream.CanSeek && stream.Length > MaxBytes)
            return new(null, "Tệp quá lớn: chỉ nhập được tệp đến 50 MB.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        if (buffer.Length > MaxBytes)
            return new(null, "Tệp quá lớn: chỉ nhập được tệp đến 50 MB.");
        return Read(buffer.ToArray(), extension);
    }

    /// <param name="extension">".txt" or ".docx" (other extensions are read by their content).</param>
    public static Result Read(byte[] bytes, string extension)
    {
        if (bytes.Length == 0)
            return new(null, "Tệp trống: không có nội dung để nhập.");
        if (bytes.AsSpan().StartsWith(OleSignature))
            return new(null, "Tệp được bảo vệ bằng mật khẩu hoặc là tệp Word cũ (.doc): hãy bỏ mật khẩu hoặc lưu lại thành .docx rồi nhập lại.");
        var isZip = bytes.Length > 4 && bytes[0] == 'P' && bytes[1] == 'K';
        if (isZip || extension.Equals(".docx", StringComparison.OrdinalIgnoreCase))
            return ReadDocx(bytes);
        return ReadText(bytes);
    }

    private static Result ReadDocx(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes, writable: false);
            return new(DocxText.Extract(stream), null);
        }
        catch (Exception ex) when (ex is OpenXmlPackageException or InvalidDataException or FileFormatException
            or System.Xml.XmlException or InvalidOperationException or NotSupportedException or ArgumentException)
        {
            return new(null, "Tệp .docx bị hỏng hoặc không phải tài liệu Word: không đọc được nội dung.");
        }
    }

    private static Result ReadText(byte[] bytes)
    {
        string text;
        if (bytes.Length >= 2 && (bytes[0] == 0xFF && bytes[1] == 0xFE || bytes[0] == 0xFE && bytes[1] == 0xFF))
            text = new StreamReader(new MemoryStream(bytes), detectEncodingFromByteOrderMarks: true).ReadToEnd();
        else
        {
            try
            {
                text = new UTF8Encoding(false, throwOnInvalidBytes: true).GetString(bytes);
            }
            catch (DecoderFallbackException)
            {
                // Not UTF-8: an 8-bit legacy encoding. TCVN3 and VNI read as Latin-1 show their tell-tale signs.
                var latin = Encoding.Latin1.GetString(bytes);
                return new(null, LegacyEncoding.Detect(latin)
                    ?? "Tệp văn bản không ở dạng Unicode (UTF-8 hoặc UTF-16): hãy lưu lại với bảng mã UTF-8 rồi nhập lại.");
            }
        }
        text = text.TrimStart('\uFEFF');
        return LegacyEncoding.Detect(text) is { } legacy ? new(null, legacy) : new(text, null);
    }
}
