using DonDoc.Commands;
using DonDoc.Data;
using DonDoc.Features.Units;
using DonDoc.Features.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace DonDoc.Tests.Infrastructure;

/// <summary>Small builders: every test makes its own units and users with unique keys.</summary>
public static class TestData
{
    public const string Password = "mot-cum-tu-dai-de-nho";

    public static string UniqueCode() => "T" + Guid.NewGuid().ToString("N")[..12].ToUpperInvariant();

    public static async Task<Unit> UnitAsync(this DonDocApp app, string name, UnitKind kind = UnitKind.Department, int? parentId = null,
        string? code = null, DateOnly? validTo = null)
    {
        return await app.WithScopeAsync(async sp =>
        {
            var result = await sp.GetRequiredService<SaveUnit>().CreateAsync(
                new UnitInput(code ?? UniqueCode(), name, null, [], kind, parentId, null, validTo, null));
            Assert.True(result.Ok, result.Message);
            return result.Value!;
        });
    }

    // Tests run in parallel on the shared apps: two creating the missing roles at once would both insert them.
    private static readonly SemaphoreSlim RolesLock = new(1, 1);

    public static async Task<User> UserAsync(this DonDocApp app, string role, int unitId, string? userName = null, string? fullName = null)
    {
        return await app.WithScopeAsync(async sp =>
        {
            await RolesLock.WaitAsync(TestContext.Current.CancellationToken);
            try
            {
                await AccountCommands.EnsureRolesAsync(sp.GetRequiredService<RoleManager<Role>>());
            }
            finally
            {
                RolesLock.Release();
            }
            var users = sp.GetRequiredService<UserManager<User>>();
            var user = new User
            {
                UserName = userName ?? $"u{Guid.NewGuid():N}"[..20],
                FullName = fullName ?? $"Người dùng {role}",
                UnitId = unitId,
                CreatedAt = DateTime.UtcNow,
            };
            var created = await users.CreateAsync(user, Password);
            Assert.True(created.Succeeded, string.Join(" ", created.Errors.Select(e => e.Description)));
            Assert.True((await users.AddToRoleAsync(user, role)).Succeeded);
            return user;
        });
    }

    /// <summary>A user of the role in a new unit, signed in through the real login form.</summary>
    public static async Task<(HttpClient Client, User User, Unit Unit)> SignedInAsync(this DonDocApp app, string role, Unit? unit = null,
        string? fullName = null)
    {
        unit ??= await app.UnitAsync($"Đơn vị {Guid.NewGuid():N}"[..20]);
        var user = await app.UserAsync(role, unit.Id, fullName: fullName);
        var client = app.NewClient();
        await client.LoginAsync(user.UserName!, Password);
        return (client, user, unit);
    }

    /// <summary>A client that signs in as a script does: with a personal access token, no cookie.</summary>
    public static HttpClient TokenClient(this DonDocApp app, string secret)
    {
        var client = app.NewClient();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", secret);
        return client;
    }
}
