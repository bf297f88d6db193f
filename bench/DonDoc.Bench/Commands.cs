using System.Globalization;
using DonDoc.Bench.Generate;
using DonDoc.Calendar;
using Microsoft.Extensions.Configuration;

namespace DonDoc.Bench;

/// <summary>The verbs: their options, read the way the app reads its configuration (environment, then arguments).</summary>
internal static class Commands
{
    public static int Usage()
    {
        Console.Error.WriteLine("""
            Dùng: dotnet run -c Release --project bench/DonDoc.Bench -- <lệnh>
              generate [--scale province|small] [--today yyyy-MM-dd]
                  Sinh dữ liệu vào cơ sở dữ liệu cấu hình như ứng dụng (Database__Provider, ConnectionStrings__DonDoc);
                  không cấu hình thì vào tệp SQLite data/bench-<scale>.db của ứng dụng.
              run [--scale province|small] [--postgres "<chuỗi kết nối máy chủ>"] [--databases sqlite,postgres]
                  [--requests 400] [--clients 1,16,64] [--circuits 50]
                  Đo các kịch bản trên ứng dụng chạy thật (Kestrel, bản Release), SQLite rồi PostgreSQL.
              load [--scale province|small] [--postgres "<chuỗi kết nối máy chủ trên máy này>"] [--users 200] [--duration 120]
                  [--max-requests 1000000] [--think 0]
                  Thử tải: mỗi người dùng ảo một tài khoản, đọc và ghi xen kẽ trong --duration giây (hoặc đến --max-requests
                  yêu cầu), rồi đối chiếu từng lần ghi đã được xác nhận với cơ sở dữ liệu. Không có --postgres: SQLite.
              import [thư mục]
                  Đo riêng bộ đọc kế hoạch trên một văn bản khoảng 200 trang.
            """);
        return 2;
    }

    public static async Task<int> GenerateAsync(string[] args)
    {
        var config = Configuration(args);
        if (Scale.Parse(config["scale"]) is not { } scale)
            return Usage();
        var database = BenchDatabase.FromConfiguration(config, $"data/bench-{scale.Name}.db");
        var today = Today(config);
        Console.Error.WriteLine($"Sinh dữ liệu quy mô {scale.Name} (hôm nay: {today:yyyy-MM-dd}) vào {database.Describe()}…");
        try
        {
            var counts = await Generator.RunAsync(database, scale, today);
            Console.WriteLine(counts);
            Console.Error.WriteLine("Chạy ứng dụng trên dữ liệu này với: "
                + string.Join(" ", database.AppSettings.Select(s => $"{s.Key}=\"{s.Value}\"")) + " dotnet run --project src/DonDoc");
            return 0;
        }
        catch (InvalidOperationException e)
        {
            Console.Error.WriteLine(e.Message);
            return 1;
        }
    }

    public static async Task<int> RunAsync(string[] args)
    {
        var config = Configuration(args);
        if (Scale.Parse(config["scale"]) is not { } scale)
            return Usage();
        var options = new Run.RunOptions(scale, Today(config), config["postgres"],
            (config["databases"] ?? "sqlite,postgres").ToLowerInvariant().Split(','), Int(config, "requests", 400),
            (config["clients"] ?? "1,16,64").Split(',').Select(c => int.Parse(c, CultureInfo.InvariantCulture)).ToArray(), Int(config, "circuits", 50),
            config.GetValue("in-process", false), config.GetValue("write-docs", true));
        return await Run.Runner.RunAsync(options);
    }

    public static async Task<int> LoadAsync(string[] args)
    {
        var config = Configuration(args);
        if (Scale.Parse(config["scale"]) is not { } scale)
            return Usage();
        var options = new Load.LoadOptions(scale, Today(config), config["postgres"], Int(config, "users", 200), TimeSpan.FromSeconds(Int(config, "duration", 120)),
            Int(config, "max-requests", 1_000_000), TimeSpan.FromMilliseconds(Int(config, "think", 0)), config.GetValue("in-process", false),
            config.GetValue("write-docs", true));
        return await Load.LoadRunner.RunAsync(options);
    }

    /// <summary>Environment variables as the app reads them, then "--name value" arguments.</summary>
    private static IConfiguration Configuration(string[] args) => new ConfigurationBuilder()
        .AddEnvironmentVariables()
        .AddCommandLine(args)
        .Build();

    private static DateOnly Today(IConfiguration config) =>
        config["today"] is { } text ? DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture) : VietnamTime.Today(TimeProvider.System);

    private static int Int(IConfiguration config, string key, int fallback) => config.GetValue(key, fallback);
}
