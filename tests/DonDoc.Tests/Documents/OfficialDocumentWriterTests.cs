using System.Text;
using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Validation;
using DonDoc.Documents;
using L = DonDoc.Documents.DecreeLayout;
using W = DocumentFormat.OpenXml.Wordprocessing;

namespace DonDoc.Tests.Documents;

/// <summary>The written .docx read back with the OpenXml SDK: the decree's page, fonts, parts and their order.</summary>
public sealed class OfficialDocumentWriterTests
{
    [Fact]
    public void The_page_is_A4_with_the_decree_margins_and_Times_New_Roman()
    {
        using var docx = Docx.Write(SampleDocuments.Report());

        var first = docx.Sections[0];
        var size = first.GetFirstChild<W.PageSize>()!;
        Assert.Equal((11906u, 16838u), (size.Width!.Value, size.Height!.Value)); // 210 × 297 mm
        var margin = first.GetFirstChild<W.PageMargin>()!;
        Assert.InRange(margin.Top!.Value, Mm(20), Mm(25));
        Assert.InRange(margin.Bottom!.Value, Mm(20), Mm(25));
        Assert.InRange((int)margin.Left!.Value, Mm(30), Mm(35));
        Assert.InRange((int)margin.Right!.Value, Mm(15), Mm(20));

        var defaults = docx.Main.StyleDefinitionsPart!.Styles!.DocDefaults!.RunPropertiesDefault!.RunPropertiesBaseStyle!;
        var fonts = defaults.RunFonts!;
        Assert.All(new[] { fonts.Ascii, fonts.HighAnsi, fonts.ComplexScript, fonts.EastAsia }, f => Assert.Equal("Times New Roman", f!.Value));
        Assert.Equal("28", defaults.FontSize!.Val!.Value);
        Assert.Equal("vi-VN", defaults.Languages!.Val!.Value);
        Assert.Empty(docx.Body.Descendants<W.RunFonts>());
        Assert.DoesNotContain(docx.Body.Descendants().SelectMany(e => e.GetAttributes()), a => string.IsNullOrEmpty(a.Value));
        Assert.All(docx.Body.Descendants<W.Run>().Where(r => Docx.Text(r).Length > 0),
            r => Assert.InRange(int.Parse(r.RunProperties!.FontSize!.Val!.Value!), 22, 28)); // 11 to 14 pt
    }

    [Fact]
    public void The_package_is_valid_for_Word()
    {
        foreach (var document in new[] { SampleDocuments.Report(), SampleDocuments.UrgingLetter() })
        {
            using var docx = Docx.Write(document);
            var errors = new OpenXmlValidator(FileFormatVersions.Office2019).Validate(docx.Package, TestContext.Current.CancellationToken);
            Assert.Empty(errors.Select(e => $"{e.Path?.XPath}: {e.Description}"));
        }
    }

    [Fact]
    public void A_report_has_the_decree_parts_in_order()
    {
        using var docx = Docx.Write(SampleDocuments.Report());

        var header = Assert.IsType<W.Table>(docx.Blocks[0]);
        var rows = header.Elements<W.TableRow>().ToList();
        Assert.Equal(2, rows.Count);
        var issuer = rows[0].Elements<W.TableCell>().First();
        Assert.Equal(["ỦY BAN NHÂN DÂN", "TỈNH NGHỆ AN"], Docx.Lines(issuer));
        Assert.Equal([(L.IssuerSize, true)], Docx.Runs(issuer.Elements<W.Paragraph>().First()).Select(r => (r.Size, r.Bold)));
        var motto = rows[0].Elements<W.TableCell>().Last();
        Assert.Equal(["CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"], Docx.Lines(motto));
        Assert.Equal(2, issuer.Descendants<W.TopBorder>().Count() + motto.Descendants<W.TopBorder>().Count()); // the two short rules
        Assert.Equal(["Số: 123/BC-UBND"], Docx.Lines(rows[1].Elements<W.TableCell>().First()));
        var date = docx.Paragraph("Nghệ An, ngày 15 tháng 12 năm 2025");
        Assert.All(Docx.Runs(date), r => Assert.True(r.Italic));
        Assert.Equal(W.BorderValues.None, header.GetFirstChild<W.TableProperties>()!.TableBorders!.TopBorder!.Val!.Value);

        var order = new[]
        {
            "BÁO CÁO", SampleDocuments.ReportTitle, "I. KẾT QUẢ THỰC HIỆN", "1. Công tác quán triệt, tuyên truyền",
            "2. Công tác tự phê bình và phê bình", "a) Đối với tập thể", "- 100% cơ quan, đơn vị tổ chức kiểm điểm tự phê bình và phê bình đúng quy định;",
            "b) Đối với cá nhân", "Hội nghị quán triệt", "II. TỒN TẠI, HẠN CHẾ VÀ NGUYÊN NHÂN", "III. PHƯƠNG HƯỚNG, NHIỆM VỤ NĂM 2026",
            "Nơi nhận:", "Phụ lục I", "TỔNG HỢP CHỈ TIÊU THỰC HIỆN CỦA CÁC ĐƠN VỊ NĂM 2025", "Phụ lục II",
        }.Select(docx.IndexOf).ToList();
        Assert.Equal(order.Order(), order);

        Assert.Equal([(28, true, false)], Docx.Runs(docx.Paragraph("BÁO CÁO")).Select(r => (r.Size, r.Bold, r.Italic)));
        Assert.Equal(W.JustificationValues.Center, docx.Paragraph("BÁO CÁO").ParagraphProperties!.Justification!.Val!.Value);
        Assert.True(Docx.Runs(docx.Paragraph(SampleDocuments.ReportTitle)).Single().Bold);
        Assert.True(Docx.Runs(docx.Paragraph("a) Đối với tập thể")).Single().Italic);

        var body = docx.Body.Descendants<W.Paragraph>().First(p => Docx.Text(p).StartsWith("Thực hiện Kế hoạch số 77", StringComparison.Ordinal));
        var properties = body.ParagraphProperties!;
        Assert.Equal(W.JustificationValues.Both, properties.Justification!.Val!.Value);
        Assert.Equal("720", properties.Indentation!.FirstLine!.Value); // 1.27 cm
        Assert.True(int.Parse(properties.SpacingBetweenLines!.Before!.Value!) >= 120); // ≥ 6 pt between paragraphs
        Assert.InRange(int.Parse(properties.SpacingBetweenLines.Line!.Value!), 240, 360); // single to 1.5 lines
        Assert.Equal([(28, false, false), (28, true, false), (28, false, false), (28, false, true)],
            Docx.Runs(docx.Paragraph("Các cơ quan, đơn vị đã tổ chức 1.248 hội nghị quán triệt cho cán bộ, công chức, viên chức; đăng tải 356 tin, bài trên Cổng thông tin điện tử tỉnh. Kết quả cụ thể tại Phụ lục I kèm theo."))
                .Select(r => (r.Size, r.Bold, r.Italic)));
    }

    [Fact]
    public void The_signature_stands_beside_the_distribution_list()
    {
        using var docx = Docx.Write(SampleDocuments.Report());

        var closing = Assert.IsType<W.Table>(docx.Blocks[docx.IndexOf("Nơi nhận:")]);
        var cells = closing.Descendants<W.TableCell>().ToList();
        Assert.Equal(2, cells.Count);
        var distribution = Docx.Lines(cells[0]).ToList();
        Assert.Equal("Nơi nhận:", distribution[0]);
        Assert.Equal("- Bộ Nội vụ (để b/c);", distribution[1]);
        Assert.Equal("- Lưu: VT, TH (2b).", distribution[^1]);
        Assert.Equal([(24, true, true)], Docx.Runs(docx.Paragraph("Nơi nhận:")).Select(r => (r.Size, r.Bold, r.Italic)));
        Assert.Equal(22, Docx.Runs(docx.Paragraph("- Lưu: VT, TH (2b).")).Single().Size);
        Assert.Equal(W.JustificationValues.Left, docx.Paragraph("Nơi nhận:").ParagraphProperties!.Justification!.Val!.Value);

        Assert.Equal(["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH", "Nguyễn Văn Đệ"], Docx.Lines(cells[1]));
        Assert.All(cells[1].Elements<W.Paragraph>().SelectMany(Docx.Runs), r => Assert.Equal((28, true), (r.Size, r.Bold)));
        var name = docx.Paragraph("Nguyễn Văn Đệ").ParagraphProperties!.SpacingBetweenLines!.Before!.Value!;
        Assert.True(int.Parse(name) >= 1200, "room for the signature and the seal above the name");
        Assert.NotNull(closing.Descendants<W.CantSplit>().SingleOrDefault());
    }

    [Fact]
    public void Tables_have_borders_and_repeat_their_header_row()
    {
        using var docx = Docx.Write(SampleDocuments.Report());

        var table = Assert.IsType<W.Table>(docx.Blocks[docx.IndexOf("Hội nghị quán triệt")]);
        Assert.Equal(W.BorderValues.Single, table.GetFirstChild<W.TableProperties>()!.TableBorders!.InsideHorizontalBorder!.Val!.Value);
        var rows = table.Elements<W.TableRow>().ToList();
        Assert.Equal(4, rows.Count);
        Assert.NotNull(rows[0].TableRowProperties!.GetFirstChild<W.TableHeader>());
        Assert.All(rows.Skip(1), r => Assert.Null(r.TableRowProperties!.GetFirstChild<W.TableHeader>()));
        Assert.Equal(["TT", "Nội dung", "Kế hoạch", "Thực hiện"], rows[0].Elements<W.TableCell>().Select(Docx.Text));
        Assert.All(rows[0].Descendants<W.Run>(), r => Assert.NotNull(r.RunProperties!.Bold));
        Assert.Equal(L.TextWidth, table.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Sum(c => int.Parse(c.Width!.Value!)));
        var amount = rows[1].Elements<W.TableCell>().Last().Descendants<W.Justification>().Single();
        Assert.Equal(W.JustificationValues.Right, amount.Val!.Value);

        var indicators = Assert.IsType<W.Table>(docx.Blocks[docx.IndexOf("Lượt kiểm tra")]);
        var total = indicators.Elements<W.TableRow>().Last();
        Assert.Equal("Tổng cộng", Docx.Text(total.Elements<W.TableCell>().ElementAt(1)));
        Assert.All(total.Descendants<W.Run>().Where(r => Docx.Text(r).Length > 0), r => Assert.NotNull(r.RunProperties!.Bold));
    }

    [Fact]
    public void Pages_are_numbered_at_the_top_from_page_two_and_each_appendix_from_one()
    {
        using var docx = Docx.Write(SampleDocuments.Report());

        var sections = docx.Sections;
        Assert.Equal(3, sections.Count); // the report, Phụ lục I (landscape), Phụ lục II
        Assert.All(sections, s => Assert.NotNull(s.GetFirstChild<W.TitlePage>()));
        Assert.Null(sections[0].GetFirstChild<W.PageNumberType>());
        Assert.All(sections.Skip(1), s => Assert.Equal(1, s.GetFirstChild<W.PageNumberType>()!.Start!.Value));
        Assert.Equal(W.PageOrientationValues.Landscape, sections[1].GetFirstChild<W.PageSize>()!.Orient!.Value);
        Assert.Equal(16838u, sections[1].GetFirstChild<W.PageSize>()!.Width!.Value);
        Assert.Equal(W.PageOrientationValues.Portrait, sections[2].GetFirstChild<W.PageSize>()!.Orient!.Value);
        Assert.Same(sections[2], docx.Body.LastChild);

        foreach (var section in sections)
        {
            var references = section.Elements<W.HeaderReference>().ToDictionary(h => h.Type!.Value, h => h.Id!.Value!);
            var numbered = ((DocumentFormat.OpenXml.Packaging.HeaderPart)docx.Main.GetPartById(references[W.HeaderFooterValues.Default])).Header!;
            Assert.Contains(numbered.Descendants<W.FieldCode>(), f => f.Text.Trim() == "PAGE");
            Assert.Equal(W.JustificationValues.Center, numbered.Descendants<W.Justification>().Single().Val!.Value);
            var first = ((DocumentFormat.OpenXml.Packaging.HeaderPart)docx.Main.GetPartById(references[W.HeaderFooterValues.First])).Header!;
            Assert.Equal("", Docx.Text(first));
        }

        // Appendix I's table spans the landscape text width.
        var wide = Assert.IsType<W.Table>(docx.Blocks[docx.IndexOf("Lượt kiểm tra")]);
        Assert.Equal(L.LandscapeTextWidth, wide.GetFirstChild<W.TableGrid>()!.Elements<W.GridColumn>().Sum(c => int.Parse(c.Width!.Value!)));
        Assert.Equal("(Kèm theo Báo cáo số 123/BC-UBND ngày 15/12/2025 của UBND tỉnh Nghệ An)",
            Docx.Text(docx.Blocks[docx.IndexOf("TỔNG HỢP CHỈ TIÊU THỰC HIỆN CỦA CÁC ĐƠN VỊ NĂM 2025") + 1]));
    }

    [Fact]
    public void An_urging_letter_puts_its_subject_under_the_number_and_lists_its_addressees()
    {
        using var docx = Docx.Write(SampleDocuments.UrgingLetter());

        var header = Assert.IsType<W.Table>(docx.Blocks[0]);
        var cells = header.Descendants<W.TableCell>().ToList();
        Assert.Equal(["UBND TỈNH NGHỆ AN", "SỞ NỘI VỤ"], Docx.Lines(cells[0]));
        Assert.Equal([(26, false), (26, true)], cells[0].Elements<W.Paragraph>().Take(2).SelectMany(Docx.Runs).Select(r => (r.Size, r.Bold)));
        Assert.Equal([$"Số: {DocumentText.Blank}/SNV-CCHC", "V/v " + SampleDocuments.UrgingSubject], Docx.Lines(cells[2]));
        Assert.False(Docx.Runs(docx.Paragraph("V/v " + SampleDocuments.UrgingSubject)).Single().Bold);
        Assert.Equal([$"Nghệ An, ngày {DocumentText.Blank} tháng {DocumentText.Blank} năm 2026"], Docx.Lines(cells[3]));

        Assert.Equal(1, docx.IndexOf("Kính gửi:\t- Sở Tài chính;")); // no kind name, no title: "Kính gửi:" follows the header
        Assert.Equal(2, docx.IndexOf("- UBND thành phố Vinh;"));
        Assert.Equal(3, docx.IndexOf("- UBND huyện Kỳ Sơn."));
        var first = docx.Paragraph("Kính gửi:\t- Sở Tài chính;").ParagraphProperties!;
        Assert.Equal(first.Indentation!.Left!.Value, docx.Paragraph("- UBND huyện Kỳ Sơn.").ParagraphProperties!.Indentation!.Left!.Value);
        Assert.Equal(4, docx.IndexOf(SampleDocuments.UrgingLetter().Body.OfType<Paragraph>().First().Runs[0].Text));

        var signature = docx.Blocks.OfType<W.Table>().Last().Descendants<W.TableCell>().Last();
        Assert.Equal(["KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC"], Docx.Lines(signature));
        Assert.Single(docx.Sections);
    }

    [Fact]
    public void A_single_addressee_shares_the_line_with_Kinh_gui()
    {
        using var docx = Docx.Write(SampleDocuments.UrgingLetter() with { Addressees = ["Ủy ban nhân dân thành phố Vinh;"] });

        var line = docx.Paragraph("Kính gửi: Ủy ban nhân dân thành phố Vinh.");
        Assert.Equal(W.JustificationValues.Center, line.ParagraphProperties!.Justification!.Val!.Value);
    }

    [Fact]
    public void Vietnamese_text_comes_back_composed_and_exact()
    {
        var decomposed = "Tổng hợp ý kiến của Ủy ban nhân dân huyện Quỳ Hợp, Tương Dương về đường, điện, trường, trạm".Normalize(NormalizationForm.FormD);
        Assert.NotEqual(decomposed, decomposed.Normalize(NormalizationForm.FormC));
        var document = SampleDocuments.Report() with
        {
            Body = [new Paragraph(decomposed), new Paragraph("Dòng một\nDòng hai\tcột\u0001 bỏ ký tự điều khiển")],
        };

        using var docx = Docx.Write(document);

        docx.Paragraph(decomposed.Normalize(NormalizationForm.FormC));
        var broken = docx.Paragraph("Dòng một\nDòng hai\tcột bỏ ký tự điều khiển");
        Assert.Single(broken.Descendants<W.Break>());
        Assert.All(docx.Body.Descendants<W.Text>(), t => Assert.True(t.Text.IsNormalized(NormalizationForm.FormC), t.Text));
    }

    [Fact]
    public void The_body_and_table_rows_are_read_once_in_order()
    {
        var reads = 0;
        IEnumerable<Block> Sections()
        {
            reads++;
            for (var unit = 1; unit <= 200; unit++)
            {
                yield return new Heading(2, $"Đơn vị số {unit}");
                for (var section = 1; section <= 10; section++)
                {
                    yield return new Heading(3, $"Nội dung {section}");
                    yield return new Paragraph($"Kết quả của đơn vị {unit}, nội dung {section}.");
                }
            }
        }
        var document = SampleDocuments.Report() with { Body = Sections(), Appendices = [] };

        using var docx = Docx.Write(document);

        Assert.Equal(1, reads);
        docx.Paragraph("200. Đơn vị số 200");
        // a b c d đ e g h i k: the Vietnamese alphabet has no f.
        Assert.Equal(200, docx.Body.Elements<W.Paragraph>().Count(p => Docx.Text(p) == "k) Nội dung 10"));
        Assert.Equal(2000, docx.Body.Elements<W.Paragraph>().Count(p => Docx.Text(p).StartsWith("Kết quả của đơn vị", StringComparison.Ordinal)));
    }

    [Fact]
    public void A_heading_restarts_the_numbering_below_it()
    {
        var document = SampleDocuments.Report() with
        {
            Body = [new Heading(1, "Một"), new Heading(2, "Hai"), new Heading(3, "Ba"), new Heading(1, "Bốn"), new Heading(3, "Năm"), new Heading(2, "Sáu")],
            Appendices = [],
        };

        using var docx = Docx.Write(document);

        foreach (var text in new[] { "I. MỘT", "1. Hai", "a) Ba", "II. BỐN", "a) Năm", "1. Sáu" })
            docx.Paragraph(text);
        Assert.Throws<ArgumentOutOfRangeException>(() => new Heading(4, "Quá sâu"));
    }

    private static int Mm(int millimetres) => (int)Math.Round(millimetres * 1440 / 25.4);
}
