using DonDoc.Calendar;

namespace DonDoc.Features.Tasks;

/// <summary>Sizes and picker dates as the task pages show and read them.</summary>
public static class TaskFormat
{
    public static string FileSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{VietnamTime.Number(bytes / 1024d, 0)} KB",
        _ => $"{VietnamTime.Number(bytes / 1024d / 1024d, 1)} MB",
    };

    public static string Megabytes(long bytes) => $"{VietnamTime.Number(bytes / 1024d / 1024d, 0)} MB";
}
