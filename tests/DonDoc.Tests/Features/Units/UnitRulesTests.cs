using DonDoc.Features.Units;

namespace DonDoc.Tests.Features.Units;

public sealed class UnitRulesTests
{
    private static UnitInput Input(string code = "000.00.00.H41", string name = "Ủy ban nhân dân tỉnh Nghệ An",
        string? shortName = null, UnitKind kind = UnitKind.Province, DateOnly? from = null, DateOnly? to = null) =>
        new(code, name, shortName, [], kind, null, from, to, null);

    [Fact]
    public void A_complete_unit_has_no_errors() =>
        Assert.Empty(UnitRules.Validate(Input(from: new(2022, 1, 1), to: new(2025, 6, 30))));

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void An_empty_code_is_refused(string code) =>
        Assert.Equal(["Mã đơn vị không được để trống."], UnitRules.Validate(Input(code))["code"]);

    [Theory]
    [InlineData("000 00 00 H41")]
    [InlineData("SỞ.NỘI.VỤ")]
    [InlineData("000/00/00/H41")]
    public void A_code_with_other_characters_is_refused(string code) =>
        Assert.Contains("chữ cái không dấu", Assert.Single(UnitRules.Validate(Input(code))["code"]));

    [Fact]
    public void A_code_may_be_thirty_characters_but_not_more()
    {
        Assert.Empty(UnitRules.Validate(Input(new string('A', UnitRules.MaxCodeLength))));
        Assert.Equal(["Mã đơn vị dài tối đa 30 ký tự."], UnitRules.Validate(Input(new string('A', UnitRules.MaxCodeLength + 1)))["code"]);
    }

    [Fact]
    public void Codes_are_compared_without_surrounding_spaces_and_case() =>
        Assert.Equal("000.00.00.H41", UnitRules.NormalizeCode("  000.00.00.h41 "));

    [Theory]
    [InlineData("000.00.00.H41", true)]
    [InlineData(" 000.00.01.h41 ", true)]
    [InlineData("000.00.00.H4", false)]
    [InlineData("0000.00.00.H41", false)]
    [InlineData("SNV", false)]
    public void The_electronic_identifier_form_is_recognised(string code, bool expected) =>
        Assert.Equal(expected, UnitRules.IsElectronicCode(code));

    [Fact]
    public void A_blank_or_overlong_name_is_refused()
    {
        Assert.Equal(["Tên đơn vị không được để trống."], UnitRules.Validate(Input(name: " "))["name"]);
        Assert.Equal(["Tên đơn vị dài tối đa 300 ký tự."], UnitRules.Validate(Input(name: new string('ư', 301)))["name"]);
        Assert.Empty(UnitRules.Validate(Input(name: new string('ư', 300))));
    }

    [Fact]
    public void An_overlong_short_name_is_refused() =>
        Assert.Equal(["Tên viết tắt dài tối đa 100 ký tự."], UnitRules.Validate(Input(shortName: new string('S', 101)))["shortName"]);

    [Fact]
    public void An_unknown_kind_is_refused() =>
        Assert.Equal(["Loại đơn vị không hợp lệ."], UnitRules.Validate(Input(kind: (UnitKind)42))["kind"]);

    [Fact]
    public void A_validity_that_ends_before_it_starts_is_refused()
    {
        var errors = UnitRules.Validate(Input(from: new(2025, 7, 1), to: new(2025, 6, 30)));
        Assert.Equal(["Ngày hết hiệu lực không được trước ngày bắt đầu hiệu lực."], errors["validTo"]);
    }

    [Fact]
    public void A_unit_valid_for_a_single_day_is_allowed() =>
        Assert.Empty(UnitRules.Validate(Input(from: new(2025, 6, 30), to: new(2025, 6, 30))));

    [Theory]
    [InlineData("/1/", "/1/", true)]          // the unit itself
    [InlineData("/1/", "/1/7/", true)]        // its child
    [InlineData("/1/", "/1/7/12/", true)]     // its grandchild
    [InlineData("/1/", "/11/", false)]        // a unit whose id merely starts with the same digit
    [InlineData("/1/", "/11/1/", false)]
    [InlineData("/3/5/", "/3/", false)]       // its own parent
    [InlineData("/3/5/", "/3/55/", false)]    // a sibling with a longer id
    [InlineData("/3/5/", "/4/", false)]       // another root
    public void Only_the_unit_and_units_under_it_would_make_a_cycle(string unitPath, string newParentPath, bool cycle) =>
        Assert.Equal(cycle, UnitRules.WouldCreateCycle(unitPath, newParentPath));

    [Fact]
    public void A_child_path_extends_the_parents_path_with_the_childs_id()
    {
        Assert.Equal("/7/", UnitRules.ChildPath(null, 7));
        Assert.Equal("/1/7/", UnitRules.ChildPath("/1/", 7));
    }

    [Fact]
    public void Aliases_are_split_on_semicolons_trimmed_and_deduplicated() =>
        Assert.Equal(["Sở Nội vụ", "SNV"], UnitRules.ParseAliases(" Sở Nội vụ ;SNV;; snv ; "));
}
