using System.Net.Http.Json;
using DonDoc.Demo;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Demo;

[Collection(nameof(DemoProvince))]
public sealed class DemoAccountsTests(DemoProvince province)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public static TheoryData<string> UserNames => [.. DemoAccounts.All.Select(a => a.UserName)];

    [Theory, MemberData(nameof(UserNames))]
    public async Task Each_demo_account_signs_in_with_the_shared_password_and_belongs_to_its_unit(string userName)
    {
        var account = DemoAccounts.All.Single(a => a.UserName == userName);
        var client = province.App.NewClient();

        await client.LoginAsync(userName, DemoData.Password);

        var me = await client.GetFromJsonAsync<AccountEndpoints.MeDto>("/api/v1/me", Ct);
        Assert.Equal(account.UnitCode, me!.Unit.Code);
        Assert.Equal(DemoUnits.Find(account.UnitCode).Name, me.Unit.Name);
        Assert.Equal([account.Role], me.Roles);
    }

    [Fact]
    public async Task A_commune_officer_and_an_officer_of_another_so_each_see_only_their_own_unit()
    {
        var commune = await UnitsSeenByAsync("chuyenvien.ptv");
        var finance = await UnitsSeenByAsync("chuyenvien.stc");
        var admin = await UnitsSeenByAsync("admin");

        Assert.Equal(["Ủy ban nhân dân phường Trường Vinh"], commune.Select(u => u.Name));
        Assert.Equal(["Sở Tài chính"], finance.Select(u => u.Name));
        Assert.Contains(admin, u => u.Name == "Sở Tư pháp");
        Assert.True(admin.Count > 50, $"admin sees only {admin.Count} units");
    }

    [Fact]
    public void The_README_table_lists_every_account_with_its_role_and_unit()
    {
        var lines = DemoAccounts.MarkdownTable().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

        Assert.Equal(DemoAccounts.All.Count + 2, lines.Length);
        Assert.Contains("| `chuyenvien.ptv` | Chuyên viên đơn vị | Ủy ban nhân dân phường Trường Vinh | Công chức Văn phòng - Thống kê |", lines);
        Assert.All(DemoAccounts.All, a => Assert.Contains(lines, l => l.StartsWith($"| `{a.UserName}` | {Roles.Label(a.Role)} |", StringComparison.Ordinal)));
    }

    [Fact]
    public void There_is_an_account_for_every_role()
    {
        Assert.Equal(Roles.All.Order(), DemoAccounts.All.Select(a => a.Role).Distinct().Order());
    }

    private async Task<List<UnitEndpoints.UnitDto>> UnitsSeenByAsync(string userName)
    {
        var client = province.App.NewClient();
        await client.LoginAsync(userName, DemoData.Password);
        return (await client.GetFromJsonAsync<List<UnitEndpoints.UnitDto>>("/api/v1/units", Ct))!;
    }
}
