// PDF in: a gazette text drawn into a PDF by cairo (its text layer holds the lines, page headers and
// numbers as the gazette's PDFs do) parses as the text does; a PDF without a text layer, and one of
// 10,000 empty pages, are refused with the reason.
#include <cairo-pdf.h>
#include <cairo.h>
#include <gtest/gtest.h>

#include "corpus_files.h"
#include "vanban/decode.h"
#include "vanban/parser.h"

namespace {

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Draws `lines` (UTF-8) in DejaVu Sans, 50 lines a page, then `empty_pages` pages with nothing on them.
std::string make_pdf(const std::vector<std::string>& lines, int empty_pages = 0, bool rectangle_only = false) {
    std::string out;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, 595, 842);
    cairo_t* cr = cairo_create(surface);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 9);
    int on_page = 0;
    for (const auto& l : lines) {
        if (on_page == 50) {
            cairo_show_page(cr);
            on_page = 0;
        }
        cairo_move_to(cr, 30, 40 + 15 * on_page++);
        cairo_show_text(cr, l.c_str());
    }
    if (rectangle_only) {  // a "scan": marks on the page, no text
        cairo_rectangle(cr, 50, 50, 400, 600);
        cairo_fill(cr);
    }
    for (int i = 0; i < empty_pages; ++i) cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return out;
}

std::string essentials(const vanban::Document& d) {
    std::string out = "number=" + (d.number ? d.number->text : "") + " date=" + d.date.value_or("") +
                      " issuer=" + d.issuer.value_or("") + " signers:";
    for (const auto& s : d.signers) out += " " + s.name;
    out += " sections:" + std::to_string(d.sections.size()) + " tasks:";
    for (const auto& t : d.tasks) out += " " + t.path + "/" + std::to_string(t.agencies.size());
    return out;
}

TEST(Pdf, AGazettePdfParsesAsItsText) {
    const std::string text = vanban::test::slurp(vanban::test::corpus_dir() / "cb_chi-thi-so-21-ct-ttg-469580.txt");
    std::vector<std::string> lines;
    for (std::size_t s = 0; s <= text.size();) {
        std::size_t e = text.find('\n', s);
        if (e == std::string::npos) e = text.size();
        if (e > s) lines.push_back(text.substr(s, e - s));
        s = e + 1;
    }
    vanban::Decoded d = vanban::decode(make_pdf(lines));
    EXPECT_EQ(d.format, vanban::Format::pdf);
    const vanban::Document from_pdf = vanban::parse(d.text), from_text = vanban::parse(text);
    ASSERT_TRUE(from_pdf.number) << d.text.substr(0, 400);
    EXPECT_EQ(essentials(from_pdf), essentials(from_text));
    EXPECT_EQ(from_pdf.text.find("CÔNG BÁO/Số 302"), std::string::npos);  // page headers removed by the cleaning
}

TEST(Pdf, WithoutATextLayerItIsRefused) {
    auto reason = [](const std::string& bytes) {
        try {
            vanban::decode(bytes);
        } catch (const vanban::DecodeError& e) {
            return std::string(e.what());
        }
        return std::string("(accepted)");
    };
    EXPECT_NE(reason(make_pdf({}, 0, true)).find("no text layer"), std::string::npos);
    EXPECT_NE(reason(make_pdf({}, 10000)).find("no text layer"), std::string::npos);  // 10,000 empty pages
    EXPECT_NE(reason("%PDF-1.7\nnot really").find("PDF"), std::string::npos);
}

}  // namespace
