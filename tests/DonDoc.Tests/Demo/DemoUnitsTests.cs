using DonDoc.Demo;
using DonDoc.Features.Units;

namespace DonDoc.Tests.Demo;

/// <summary>The province as the demo loads it into the database.</summary>
[Collection(nameof(DemoProvince))]
public sealed class DemoUnitsTests(DemoProvince province)
{
    private static readonly DateOnly PlanIssued = new(2022, 6, 1);
    private static readonly DateOnly AfterReforms = new(2026, 1, 1);

    [Fact]
    public async Task Every_unit_section_III_of_the_seed_plan_names_is_active_in_2022()
    {
        var units = await province.UnitsAsync();
        string[] named =
        [
            "Sở Nội vụ", "Sở Kế hoạch và Đầu tư", "Sở Xây dựng", "Sở Tài nguyên và Môi trường", "Sở Tài chính",
            "Sở Tư pháp", "Sở Thông tin và Truyền thông", "Thanh tra tỉnh", "Công an tỉnh",
        ];

        foreach (var name in named)
            Assert.True(units.Single(u => u.Name == name).IsActiveOn(PlanIssued), $"{name} is not active on {PlanIssued}");
    }

    [Fact]
    public async Task The_21_district_level_units_exist_in_2022_and_end_with_June_2025()
    {
        var districts = (await province.UnitsAsync()).Where(u => u.Kind == UnitKind.District).ToList();

        Assert.Equal(21, districts.Count(d => d.IsActiveOn(PlanIssued)));
        Assert.Contains(districts, d => d.Name == "Ủy ban nhân dân thành phố Vinh");
        Assert.Contains(districts, d => d.Name == "Ủy ban nhân dân huyện Kỳ Sơn");
        Assert.All(districts, d => Assert.Equal(new DateOnly(2025, 6, 30), d.ValidTo));
    }

    [Fact]
    public async Task Every_unit_dissolved_in_2025_has_a_successor_active_after_the_reforms()
    {
        var units = await province.UnitsAsync();
        var byId = units.ToDictionary(u => u.Id);

        var dissolved = units.Where(u => u.ValidTo?.Year == 2025).ToList();

        Assert.Equal(9 + 21, dissolved.Count);   // seven sở and Ban Dân tộc merged on 1/3, every district on 1/7
        Assert.All(dissolved, u =>
        {
            Assert.NotNull(u.SuccessorId);
            Assert.True(byId[u.SuccessorId!.Value].IsActiveOn(AfterReforms), $"the successor of {u.Name} is not active");
        });
        var natureAndEnvironment = units.Single(u => u.Name == "Sở Nông nghiệp và Môi trường");
        Assert.Equal(natureAndEnvironment.Id, units.Single(u => u.Name == "Sở Tài nguyên và Môi trường").SuccessorId);
        Assert.Equal(natureAndEnvironment.Id, units.Single(u => u.Name == "Sở Nông nghiệp và Phát triển nông thôn").SuccessorId);
        Assert.Equal(new DateOnly(2025, 3, 1), natureAndEnvironment.ValidFrom);
    }

    [Fact]
    public async Task After_the_reforms_the_province_has_its_agencies_and_communes_and_no_districts()
    {
        var active = (await province.UnitsAsync()).Where(u => u.IsActiveOn(AfterReforms)).ToList();

        Assert.DoesNotContain(active, u => u.Kind == UnitKind.District);
        Assert.DoesNotContain(active, u => u.Name == "Sở Kế hoạch và Đầu tư");
        var communes = active.Where(u => u.Kind == UnitKind.Commune).ToList();
        Assert.InRange(communes.Count, 25, 40);
        Assert.Equal(11, communes.Count(c => c.Name.StartsWith("Ủy ban nhân dân phường ", StringComparison.Ordinal)));
        Assert.Contains(active, u => u.Name == "Sở Văn hóa, Thể thao và Du lịch" && u.Kind == UnitKind.Department);
        Assert.Contains(active, u => u.Name == "Báo Nghệ An" && u.Kind == UnitKind.ProvincialBody);
    }

    [Fact]
    public async Task Codes_are_unique_electronic_identifiers_and_the_units_form_one_tree()
    {
        var units = await province.UnitsAsync();
        var byId = units.ToDictionary(u => u.Id);

        Assert.Equal(units.Count, units.Select(u => u.Code).Distinct().Count());
        Assert.All(units, u => Assert.True(UnitRules.IsElectronicCode(u.Code), u.Code));
        var root = Assert.Single(units, u => u.ParentId is null);
        Assert.Equal("000.00.00.H41", root.Code);
        Assert.All(units.Where(u => u != root), u => Assert.Equal(UnitRules.ChildPath(byId[u.ParentId!.Value].Path, u.Id), u.Path));
    }

    [Fact]
    public async Task The_short_forms_of_plan_text_each_name_exactly_one_unit()
    {
        var units = await province.UnitsAsync();
        var expected = new Dictionary<string, string>
        {
            ["SNV"] = "Sở Nội vụ",
            ["Sở NV"] = "Sở Nội vụ",
            ["Sở TN&MT"] = "Sở Tài nguyên và Môi trường",
            ["Sở TNMT"] = "Sở Tài nguyên và Môi trường",
            ["Sở KH&ĐT"] = "Sở Kế hoạch và Đầu tư",
            ["Sở KHĐT"] = "Sở Kế hoạch và Đầu tư",
            ["Sở TT&TT"] = "Sở Thông tin và Truyền thông",
            ["Sở TTTT"] = "Sở Thông tin và Truyền thông",
            ["Sở LĐ-TB&XH"] = "Sở Lao động - Thương binh và Xã hội",
            ["Sở GD&ĐT"] = "Sở Giáo dục và Đào tạo",
            ["UBND tỉnh"] = "Ủy ban nhân dân tỉnh Nghệ An",
            ["Thanh tra tỉnh"] = "Thanh tra tỉnh",
            ["Công an tỉnh"] = "Công an tỉnh",
            ["UBMTTQ tỉnh"] = "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh",
            ["UBND thành phố Vinh"] = "Ủy ban nhân dân thành phố Vinh",
            ["UBND huyện Quỳnh Lưu"] = "Ủy ban nhân dân huyện Quỳnh Lưu",
            ["Thị xã Cửa Lò"] = "Ủy ban nhân dân thị xã Cửa Lò",
            ["Phường Trường Vinh"] = "Ủy ban nhân dân phường Trường Vinh",
        };

        foreach (var (alias, name) in expected)
            Assert.Equal(name, units.Single(u => u.Aliases.Contains(alias)).Name);
        var shared = units.SelectMany(u => u.Aliases.Distinct(StringComparer.OrdinalIgnoreCase))
            .GroupBy(a => a, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => g.Key);
        Assert.Empty(shared);
    }

    [Fact]
    public void The_named_codes_point_at_the_units_they_name()
    {
        Assert.Equal("Ủy ban nhân dân tỉnh Nghệ An", DemoUnits.Find(DemoUnits.UbndTinh).Name);
        Assert.Equal("Sở Nội vụ", DemoUnits.Find(DemoUnits.SoNoiVu).Name);
        Assert.Equal("Sở Tư pháp", DemoUnits.Find(DemoUnits.SoTuPhap).Name);
        Assert.Equal("Sở Tài chính", DemoUnits.Find(DemoUnits.SoTaiChinh).Name);
        Assert.Equal("Thanh tra tỉnh", DemoUnits.Find(DemoUnits.ThanhTraTinh).Name);
        Assert.Equal("Ủy ban nhân dân phường Trường Vinh", DemoUnits.Find(DemoUnits.PhuongTruongVinh).Name);
    }
}
