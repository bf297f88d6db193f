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
        var password = command.Option("password") ?? PromptPassword();
        await using var scope = services.CreateAsyncScope();
        var sp = scope.ServiceProvider;
        var db = sp.GetRequiredService<DonDocDbContext>();
        var users = sp.GetRequiredService<UserManager<User>>();
        var roles = sp.GetRequiredService<RoleManager<Role>>();
        await EnsureRolesAsync(roles);
        var unit = await FindOrCreateRootUnitAsync(db, sp.GetRequiredService<SaveUnit>(), command.Option("unit"));
        if (unit is null)
        {
            Console.Error.WriteLine($"Không tìm thấy đơn vị có mã '{command.Option("unit")}'.");
            return 1;
        }
        if (await users.FindByNameAsync(userName) is not null)
        {
            Console.Error.WriteLine($"Tên đăng nhập '{userName}' đã tồn tại.");
            return 1;
        }
        var user = new User
        {
            UserName = userName,
            FullName = command.Option("full-name") ?? "Quản trị hệ thống",
            UnitId = unit.Id,
            CreatedAt = DateTime.UtcNow,
        };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
            result = await users.AddToRoleAsync(user, Roles.Admin);
        if (!result.Succeeded)
        {
            Console.Error.WriteLine(string.Join(Environment.NewLine, result.Errors.Select(e => e.Description)));
            return 1;
        }
        Console.WriteLine($"Đã tạo quản trị viên '{userName}' thuộc {unit.Name}.");
        return 0;
    }

    /// <summary>create-token --user NAME --name LABEL [--days N]: prints a new personal access token once.</summary>
    public static async Task<int> CreateTokenAsync(IServiceProvider services, CommandLine command)
    {
        var userName = command.Option("user");
        var label = command.Option("name");
        if (string.IsNullOrWhiteSpace(userName) || string.IsNullOrWhiteSpace(label))
        {
            Console.Error.WriteLine("Cần --user TÊN_ĐĂNG_NHẬP và --name NHÃN_TOKEN.");
            return 2;
        }
        int? days = int.TryParse(command.Option("days"), out var d) && d > 0 ? d : null;
        await using var scope = services.CreateAsyncScope();
        var tokens = scope.ServiceProvider.GetRequiredService<AccessTokens>();
        var user = await scope.ServiceProvider.GetRequiredService<UserManager<User>>().FindByNameAsync(userName);
        if (user is null)
        {
            Console.Error.WriteLine($"Không tìm thấy người dùng '{userName}'.");
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

    private static string PromptPassword()
    {
        if (Console.IsInputRedirected)
            return Console.ReadLine() ?? "";
        Console.Write("Mật khẩu: ");
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
        Console.WriteLine();
        return new string([.. chars]);
    }
}
