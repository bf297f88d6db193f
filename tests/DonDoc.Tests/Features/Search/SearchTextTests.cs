using DonDoc.Features.Search.Rules;

namespace DonDoc.Tests.Features.Search;

public sealed class SearchTextTests
{
    [Theory]
    [InlineData("Tố cáo", " to cao ")]
    [InlineData("TỐ CÁO", " to cao ")]
    [InlineData("Đảng bộ tỉnh", " dang bo tinh ")]
    [InlineData("đường ĐI", " duong di ")]
    [InlineData("Uỷ ban / Ủy ban", " uy ban uy ban ")]
    [InlineData("30/NQ-CP ngày 11/3/2022", " 30 nq cp ngay 11 3 2022 ")]
    [InlineData("", " ")]
    public void Key_folds_tones_case_and_đ_and_keeps_only_words(string text, string key) =>
        Assert.Equal(key, SearchText.Key(text));

    [Fact]
    public void Decomposed_text_folds_like_composed_text() =>
        Assert.Equal(SearchText.Key("Tố cáo Đảng"), SearchText.Key("Tố cáo Đảng".Normalize(System.Text.NormalizationForm.FormD)));

    [Fact]
    public void A_query_becomes_its_distinct_folded_words() =>
        Assert.Equal(["to", "cao", "dang"], SearchText.Terms("  Tố   cáo, ĐẢNG to "));

    [Theory]
    [InlineData("\"")]
    [InlineData("*")]
    [InlineData("-")]
    [InlineData("(")]
    [InlineData(":")]
    [InlineData("'")]
    [InlineData("%")]
    [InlineData("_")]
    [InlineData("a")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Syntax_characters_and_lone_letters_are_nothing_to_search(string? query) =>
        Assert.False(SearchText.IsSearchable(SearchText.Terms(query)));

    [Theory]
    [InlineData("\"to cao\" OR dang*", "\"to\"* AND \"cao\"* AND \"or\"* AND \"dang\"*")]
    [InlineData("NEAR(to: cao) -dang", "\"near\"* AND \"to\"* AND \"cao\"* AND \"dang\"*")]
    [InlineData("'; DROP TABLE x; --", "\"drop\"* AND \"table\"* AND \"x\"*")]
    [InlineData("50%_giải", "\"50\"* AND \"giai\"*")]
    public void Fts_queries_are_quoted_words_only(string query, string fts) =>
        Assert.Equal(fts, SearchText.FtsQuery(SearchText.Terms(query)));

    [Fact]
    public void Many_words_are_cut_to_the_limit() =>
        Assert.Equal(SearchText.MaxTerms, SearchText.Terms(string.Join(' ', Enumerable.Range(1, 30).Select(i => $"w{i}"))).Count);

    [Theory]
    [InlineData("Nghị quyết của Đảng", "dang", "Nghị quyết của <mark>Đảng</mark>")]
    [InlineData("Giải quyết TỐ CÁO", "to cao", "Giải quyết <mark>TỐ</mark> <mark>CÁO</mark>")]
    [InlineData("Kết quả kế hoạch", "ke", "<mark>Kế</mark>t quả <mark>kế</mark> hoạch")]
    [InlineData("Công tác <b>dân vận</b> & \"Dân\"", "dan", "Công tác &lt;b&gt;<mark>dân</mark> vận&lt;/b&gt; &amp; &quot;<mark>Dân</mark>&quot;")]
    public void Highlighting_marks_word_starts_in_the_original_and_encodes_the_rest(string text, string query, string html) =>
        Assert.Equal(html, SearchText.Highlight(text, SearchText.Terms(query)));

    [Fact]
    public void A_snippet_shows_the_first_match_in_a_long_text()
    {
        var text = string.Join(' ', Enumerable.Repeat("Nội dung mở đầu dài dòng.", 40)) + " Kết quả giải quyết tố cáo trong năm. "
            + string.Join(' ', Enumerable.Repeat("Phần sau.", 40));
        var snippet = SearchText.Snippet(text, SearchText.Terms("to cao"), 120);
        Assert.Contains("tố cáo", snippet);
        Assert.StartsWith("…", snippet);
        Assert.EndsWith("…", snippet);
        Assert.True(snippet.Length <= 122, snippet);
    }

    [Fact]
    public void A_short_text_is_its_own_snippet() =>
        Assert.Equal("Báo cáo ngắn", SearchText.Snippet("Báo cáo ngắn", SearchText.Terms("bao cao")));
}
