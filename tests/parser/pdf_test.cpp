// PDF in: a gazette text drawn into a PDF by cairo (its text layer holds the lines, page headers and
// numbers as the gazette's PDFs do) parses as the text does; a PDF without a text layer, and one of
// 10,000 empty pages, are refused with the reason.
#include <gtest/gtest.h>

#include "corpus_files.h"
#include "format_makers.h"
#include "pdf_maker.h"
#include "vanban/decode.h"
#include "vanban/parser.h"

namespace {

using namespace vanban::test;

std::string outline(const vanban::Document& d) {
    std::string out = "number=" + (d.number ? d.number->text : "") + " date=" + d.date.value_or("") +
                      " issuer=" + d.issuer.value_or("") + " signers:";
    for (const auto& s : d.signers) out += " " + s.name;
    out += " sections:" + std::to_string(d.sections.size()) + " tasks:";
    for (const auto& t : d.tasks) out += " " + t.path + "/" + std::to_string(t.agencies.size());
    return out;
}

TEST(Pdf, AGazettePdfParsesAsItsText) {
    const std::string text = vanban::test::slurp(vanban::test::corpus_dir() / "cb_chi-thi-so-21-ct-ttg-469580.txt");
    const std::vector<std::string> lines = lines_of(text);
    vanban::Decoded d = vanban::decode(make_pdf(lines));
    EXPECT_EQ(d.format, vanban::Format::pdf);
    const vanban::Document from_pdf = vanban::parse(d.text), from_text = vanban::parse(text);
    ASSERT_TRUE(from_pdf.number) << d.text.substr(0, 400);
    EXPECT_EQ(outline(from_pdf), outline(from_text));
    EXPECT_EQ(from_pdf.text.find("CÔNG BÁO/Số 302"), std::string::npos);  // page headers removed by the cleaning
}

TEST(Pdf, WithoutATextLayerItIsRefused) {
    const auto reason = decode_refusal;
    EXPECT_NE(reason(make_pdf({}, 0, true)).find("no text layer"), std::string::npos);
    EXPECT_NE(reason(make_pdf({}, 10000)).find("no text layer"), std::string::npos);  // 10,000 empty pages
    EXPECT_NE(reason("%PDF-1.7\nnot really").find("PDF"), std::string::npos);
}

}  // namespace
