using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Commands;

/// <summary>The verbs as an operator runs them: the built DonDoc.dll as a process, against a database of its own.</summary>
public sealed class AccountCommandTests(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private sealed record Run(int ExitCode, string Out, string Error);

    private static async Task<Run> DonDocAsync(Provider provider, string connectionString, string? input, params string[] args)
    {
        var dir = Directory.CreateTempSubdirectory("dondoc-cli-").FullName;
        try
        {
            var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                WorkingDirectory = dir,
                RedirectStandardInput = true,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            };
            start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "DonDoc.dll"));
            foreach (var a in args)
                start.ArgumentList.Add(a);
            start.Environment["Database__Provider"] = provider.ToString();
            start.Environment["ConnectionStrings__DonDoc"] = connectionString;
            start.Environment["DataProtection__KeysPath"] = Path.Combine(dir, "keys");
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync(Ct);
            var stderr = process.StandardError.ReadToEndAsync(Ct);
            if (input is not null)
                await process.StandardInput.WriteLineAsync(input.AsMemory(), Ct);
            process.StandardInput.Close();
            await process.WaitForExitAsync(Ct);
            return new Run(process.ExitCode, await stdout, await stderr);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    private static string NewSqliteDatabase() =>
        $"Data Source={Path.Combine(Directory.CreateTempSubdirectory("dondoc-cli-db-").FullName, "dondoc.db")}";

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task A_fresh_install_gets_an_admin_who_signs_in_and_a_token_for_scripts(Provider provider)
    {
        var database = provider == Provider.Sqlite ? NewSqliteDatabase() : apps.Postgres.NewDatabase();

        var admin = await DonDocAsync(provider, database, null, "create-admin", "--user", "quantri", "--password", "mot-cum-tu-rat-dai", "--full-name", "Nguyễn Quản Trị");
        var token = await DonDocAsync(provider, database, null, "create-token", "--user", "quantri", "--name", "Sao lưu hằng đêm", "--days", "30");

        Assert.True(admin.ExitCode == 0, admin.Error);
        Assert.Contains("Đã tạo quản trị viên 'quantri' thuộc Ủy ban nhân dân tỉnh Nghệ An.", admin.Out);
        Assert.True(token.ExitCode == 0, token.Error);
        var secret = token.Out.Trim();
        Assert.Matches("^ddk_[A-Za-z0-9_-]{43}$", secret);

        await using var app = new DonDocApp(provider, provider == Provider.Postgres ? database : null,
            new Dictionary<string, string?> { ["ConnectionStrings:DonDoc"] = database });
        app.StartServer();
        var browser = app.NewClient();
        await browser.LoginAsync("quantri", "mot-cum-tu-rat-dai");
        var script = app.TokenClient(secret);
        var me = await script.GetFromJsonAsync<AccountEndpoints.MeDto>("/api/v1/me", Ct);
        Assert.Equal(("Nguyễn Quản Trị", "000.00.00.H41"), (me!.FullName, me.Unit.Code));
        Assert.Equal([Roles.Admin], me.Roles);
        Assert.Equal(HttpStatusCode.OK, (await script.GetAsync("/api/v1/users", Ct)).StatusCode);
        var listed = Assert.Single((await script.GetFromJsonAsync<List<AccessTokens.TokenDto>>("/api/v1/me/tokens", Ct))!);
        Assert.Equal("Sao lưu hằng đêm", listed.Name);
    }

    [Fact]
    public async Task Create_admin_prompts_for_a_missing_password_and_applies_the_policy()
    {
        var database = NewSqliteDatabase();

        var weak = await DonDocAsync(Provider.Sqlite, database, "ngan", "create-admin", "--user", "quantri");
        var created = await DonDocAsync(Provider.Sqlite, database, "mat-khau-tu-ban-phim", "create-admin", "--user", "quantri");
        var again = await DonDocAsync(Provider.Sqlite, database, "mat-khau-tu-ban-phim", "create-admin", "--user", "QuanTri");

        Assert.Equal(1, weak.ExitCode);
        Assert.Contains("Mật khẩu phải dài ít nhất 10 ký tự.", weak.Error);
        Assert.True(created.ExitCode == 0, created.Error);
        Assert.Equal(1, again.ExitCode);
        Assert.Contains("Tên đăng nhập 'QuanTri' đã tồn tại.", again.Error);
    }

    [Fact]
    public async Task Create_token_explains_what_is_wrong()
    {
        var database = NewSqliteDatabase();
        await DonDocAsync(Provider.Sqlite, database, null, "create-admin", "--user", "quantri", "--password", "mot-cum-tu-rat-dai");

        var noName = await DonDocAsync(Provider.Sqlite, database, null, "create-token", "--user", "quantri");
        var nobody = await DonDocAsync(Provider.Sqlite, database, null, "create-token", "--user", "khong-co", "--name", "x");
        var badDays = await DonDocAsync(Provider.Sqlite, database, null, "create-token", "--user", "quantri", "--name", "x", "--days", "mai");

        Assert.Equal((2, 1, 2), (noName.ExitCode, nobody.ExitCode, badDays.ExitCode));
        Assert.Contains("Cần --user TÊN_ĐĂNG_NHẬP và --name NHÃN_TOKEN.", noName.Error);
        Assert.Contains("Không tìm thấy người dùng 'khong-co'.", nobody.Error);
        Assert.Contains("--days phải là một số ngày, không phải 'mai'.", badDays.Error);
        Assert.Empty(noName.Out + nobody.Out + badDays.Out);
    }
}
