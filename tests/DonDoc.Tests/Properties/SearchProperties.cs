using CsCheck;
using DonDoc.Features.Search.Rules;
using DonDoc.Features.Users;
using DonDoc.Tests.Infrastructure;

namespace DonDoc.Tests.Properties;

/// <summary>Search queries: whatever a person types becomes plain folded words, never FTS5, tsquery or LIKE syntax.</summary>
public sealed class SearchProperties(Apps apps)
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public void A_query_becomes_at_most_eight_distinct_plain_words_and_an_FTS_query_of_nothing_else() =>
        Junk.Text.Sample(query =>
        {
            var terms = SearchText.Terms(query);
            Assert.True(terms.Count <= SearchText.MaxTerms);
            Assert.Equal(terms.Count, terms.Distinct().Count());
            Assert.All(terms, t => Assert.True(t.Length is > 0 and <= 40 && t.All(char.IsLetterOrDigit), Junk.Shown(t)));
            Assert.Equal(string.Join(" AND ", terms.Select(t => $"\"{t}\"*")), SearchText.FtsQuery(terms));
        }, iter: Junk.Cases, print: Junk.Shown);

    [Fact]
    public void Normalising_twice_changes_nothing() =>
        Junk.Text.Sample(text =>
        {
            var clean = SearchText.Clean(text);
            Assert.Equal(clean, SearchText.Clean(clean));
            var key = SearchText.Key(text);
            Assert.Equal(key, SearchText.Key(key));
            Assert.Equal(SearchText.Terms(text), SearchText.Terms(key));
        }, iter: Junk.Cases, print: Junk.Shown);

    [Fact]
    public void Every_term_of_a_text_finds_that_text_in_the_index() =>
        Junk.Text.Sample(text =>
        {
            var key = SearchText.Key(text);
            Assert.All(SearchText.Terms(text), t => Assert.Contains(" " + t, key));
        }, iter: Junk.Cases, print: Junk.Shown);

    // A quarter of the usual count: each case is two texts, some of them 20.000 characters long.
    [Fact]
    public void Highlighting_and_snippets_never_throw_and_keep_the_text() =>
        Gen.Select(Junk.Text, Junk.Text).Sample((text, query) =>
        {
            var clean = SearchText.Clean(text);
            var terms = SearchText.Terms(query);
            Assert.Equal(System.Net.WebUtility.HtmlDecode(SearchText.Highlight(clean, terms).Replace("<mark>", "").Replace("</mark>", "")), clean);
            SearchText.Snippet(clean, terms);
        }, iter: Junk.Cases / 4, print: t => Junk.Shown(t.ToString()));

    [Theory, MemberData(nameof(Apps.Providers), MemberType = typeof(Apps))]
    public async Task Any_query_gets_results_or_a_Vietnamese_refusal(Provider provider)
    {
        var (client, _, _) = await apps.For(provider).SignedInAsync(Roles.Coordinator);
        await Gen.Select(Junk.Text, Gen.OneOf("", "&kind=Plan", "&kind=Khong", "&take=0", "&take=-5", "&take=100000", "&take=abc"))
            .SampleAsync(async (q, rest) =>
            {
                await Junk.AnsweredAsync(await client.GetAsync($"/api/v1/search?q={Junk.UrlEncoded(q)}{rest}", Ct), q + rest);
            }, iter: Junk.Requests, threads: 1, print: t => Junk.Shown(t.ToString()));
    }
}
