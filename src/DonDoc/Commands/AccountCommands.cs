using DonDoc.Data;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace DonDoc.Commands;

internal static class AccountCommands
{
    /// <summary>create-admin --user NAME [--password P] [--unit CODE] [--full-name "..."]: prompts for the password when it is not given.</summary>
    public static async Task<int> CreateAdminAsync(IServiceProvider services, CommandLine command)
    {
        var userName = command.Option("user");
        if (string.IsNullOrWhiteSpace(userName))
        {
            Console.Error.WriteLine("Thiếu --user TÊN_ĐĂNG_NHẬP.");
            return 2;
        }
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        if (await sp.GetRequiredService<UserManager<User>>().FindByNameAsync(userName) is not null)
        {
            Console.Error.WriteLine($"Tên đăng nhập '{userName}' đã tồn tại.");
            return 1;
        }
        var unit = await FindOrCreateRootUnitAsync(sp.GetRequiredService<DonDocDbContext>(), sp.GetRequiredService<SaveUnit>(), command.Option("unit"));
        if (unit is null)
        {
            Console.Error.WriteLine($"Không tìm thấy đơn vị có mã '{command.Option("unit")}'.");
            return 1;
        }
        var password = command.Option("password") ?? PromptPassword();
        if (password is null)
        {
            Console.Error.WriteLine("Hai lần nhập mật khẩu chưa khớp nhau.");
            return 1;
        }
        await EnsureRolesAsync(sp.GetRequiredService<RoleManager<Role>>());
        var details = new UserDetails(command.Option("full-name") ?? "Quản trị hệ thống", null, null, unit.Id, Roles.Admin);
        var created = await sp.GetRequiredService<SaveUser>().CreateAsync(userName, password, details);
        if (!created.Ok)
        {
            foreach (var message in created.Errors.Values.SelectMany(m => m))
                Console.Error.WriteLine(message);
            return 1;
        }
        Console.WriteLine($"Đã tạo quản trị viên '{created.Value!.UserName}' thuộc {unit.Name}.");
        return 0;
    }

    /// <summary>create-token --user NAME --name LABEL [--days N]: prints a new personal access token once, alone on stdout.</summary>
    public static async Task<int> CreateTokenAsync(IServiceProvider services, CommandLine command)
    {
        var userName = command.Option("user");
        var label = command.Option("name");
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(label))
        {
            Console.Error.WriteLine("Cần --user TÊN_ĐĂNG_NHẬP và --name NHÃN_TOKEN.");
            return 2;
        }
        int? days = null;
        if (command.Option("days") is { } daysText)
        {
            if (!int.TryParse(daysText, out var d))
            {
                Console.Error.WriteLine($"--days phải là một số ngày, không phải '{daysText}'.");
                return 2;
            }
            days = d;
        }
        await using var scope = services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<AccessTokens>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync(userName);
        if (user is null)
        {
            Console.Error.WriteLine($"Không tìm thấy người dùng '{userName}'.");
            return 1;
        }
        if (!user.IsActive)
        {
            Console.Error.WriteLine($"Tài khoản '{userName}' đã bị vô hiệu hóa; token của tài khoản này không dùng được.");
            return 1;
        }
        var created = await tokens.CreateAsync(user.Id, label, days);
        if (!created.Ok)
        {
            Console.Error.WriteLine(created.Message);
            return 1;
        }
        Console.WriteLine(created.Value!.Secret);
        return 0;
    }

    public static async Task EnsureRolesAsync(RoleManager<Role> roles)
    {
        foreach (var name in Roles.All)
        {
            if (!await roles.RoleExistsAsync(name))
                await roles.CreateAsync(new Role(name));
        }
    }

    private static async Task<Unit?> FindOrCreateRootUnitAsync(DonDocDbContext db, SaveUnit save, string? code)
    {
        if (code is not null)
            return await db.Units.FirstOrDefaultAsync(u => u.Code == UnitRules.NormalizeCode(code));
        var root = await db.Units.Where(u => u.ParentId == null).OrderBy(u => u.Id).FirstOrDefaultAsync();
        if (root is not null)
            return root;
        // A fresh production install: the province's own People's Committee is the first unit.
        var created = await save.CreateAsync(new UnitInput("000.00.00.H41", "Ủy ban nhân dân tỉnh Nghệ An", "UBND tỉnh",
            ["UBND tỉnh Nghệ An", "Ủy ban nhân dân tỉnh"], UnitKind.Province, null, null, null, null));
        return created.Value;
    }

    /// <summary>Reads the password without echoing it, twice; from a pipe, one line. Null when the two entries differ.</summary>
    private static string? PromptPassword()
    {
        if (Console.IsInputRedirected)
            return Console.ReadLine() ?? "";
        var first = ReadHidden("Mật khẩu: ");
        return ReadHidden("Nhập lại mật khẩu: ") == first ? first : null;
    }

    private static string ReadHidden(string prompt)
    {
        Console.Error.Write(prompt);
        var chars = new List<char>();
        while (true)
        {
            var key = Console.ReadKey(intercept: true);
            if (key.Key == ConsoleKey.Enter)
                break;
            if (key.Key == ConsoleKey.Backspace && chars.Count > 0)
                chars.RemoveAt(chars.Count - 1);
            else if (!char.IsControl(key.KeyChar))
                chars.Add(key.KeyChar);
        }
        Console.Error.WriteLine();
        return new string([.. chars]);
    }
}
