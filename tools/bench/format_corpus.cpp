// format_corpus DIR OUT: writes every *.txt and *.md file under DIR several ways, for
// tools/bench/formats.sh: OUT/txt/ (as is), OUT/html/ (a portal-like page: a menu, a script, a
// sidebar, the document one <p> per line, a footer), OUT/docx/ (a Word file, one paragraph per line),
// OUT/tcvn3/ (glibc's iconv to TCVN5712-1, characters it has no byte for as '?') and OUT/pdf/ (the
// lines drawn by cairo in DejaVu Sans, 50 a page). Exit codes: 0 ok, 1 failed, 2 usage.
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>
#include <cairo-pdf.h>
#include <cairo.h>
#include <iconv.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;

namespace {

std::string escape(std::string_view s) {
    std::string out;
    for (char c : s) out += c == '<' ? std::string("&lt;") : c == '>' ? std::string("&gt;") : c == '&' ? std::string("&amp;") : std::string(1, c);
    return out;
}

template <class F>
void each_line(const std::string& text, F f) {
    for (std::size_t s = 0; s <= text.size();) {
        std::size_t e = text.find('\n', s);
        if (e == std::string::npos) e = text.size();
        f(std::string_view(text).substr(s, e - s));
        s = e + 1;
    }
}

std::string to_tcvn3(const std::string& utf8) {
    iconv_t cd = iconv_open("TCVN5712-1", "UTF-8");
    std::string out(utf8.size() * 2 + 16, '\0');
    char* in = const_cast<char*>(utf8.data());
    std::size_t in_left = utf8.size(), out_left = out.size();
    char* o = out.data();
    while (in_left > 0) {
        if (iconv(cd, &in, &in_left, &o, &out_left) == static_cast<std::size_t>(-1)) {
            *o++ = '?';
            --out_left;
            do {
                ++in;
                --in_left;
            } while (in_left > 0 && (static_cast<unsigned char>(*in) & 0xC0) == 0x80);
        }
    }
    iconv_close(cd);
    out.resize(static_cast<std::size_t>(o - out.data()));
    return out;
}

cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

std::string to_pdf(const std::string& text) {
    std::string out;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, 595, 842);
    cairo_t* cr = cairo_create(surface);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 9);
    int on_page = 0;
    each_line(text, [&](std::string_view l) {
        if (on_page == 50) {
            cairo_show_page(cr);
            on_page = 0;
        }
        cairo_move_to(cr, 30, 40 + 15 * on_page++);
        cairo_show_text(cr, std::string(l).c_str());
    });
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return out;
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: format_corpus DIR OUT\n";
        return 2;
    }
    const fs::path in = argv[1], out = argv[2];
    for (const char* d : {"txt", "html", "docx", "tcvn3", "pdf"}) fs::create_directories(out / d);
    int n = 0;
    for (const auto& e : fs::recursive_directory_iterator(in)) {
        const auto ext = e.path().extension();
        if (!e.is_regular_file() || (ext != ".txt" && ext != ".md") || e.path().filename() == "README.md") continue;
        std::ifstream f(e.path(), std::ios::binary);
        std::stringstream ss;
        ss << f.rdbuf();
        const std::string text = ss.str();
        const std::string stem = std::to_string(++n) + "-" + e.path().stem().string();
        std::ofstream(out / "txt" / (stem + ext.string()), std::ios::binary) << text;
        std::ofstream(out / "tcvn3" / (stem + ext.string()), std::ios::binary) << to_tcvn3(text);
        std::ofstream(out / "pdf" / (stem + ".pdf"), std::ios::binary) << to_pdf(text);
        std::string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>var a = 1;</script></head><body>"
                           "<ul class=\"menu\"><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/vb\">Văn bản</a></li></ul>"
                           "<aside><p>Văn bản liên quan</p></aside><div class=\"content\">";
        std::string body;
        each_line(text, [&](std::string_view l) {
            page += "<p>" + escape(l) + "</p>\n";
            body += "<w:p><w:r><w:t xml:space=\"preserve\">" + escape(l) + "</w:t></w:r></w:p>";
        });
        page += "</div><footer>Cổng thông tin</footer></body></html>\n";
        std::ofstream(out / "html" / (stem + ".html"), std::ios::binary) << page;
        std::ofstream docx(out / "docx" / (stem + ".docx"), std::ios::binary);
        Poco::Zip::Compress zip(docx, true);
        std::istringstream xml("<?xml version=\"1.0\" encoding=\"UTF-8\"?><w:document xmlns:w=\"http://schemas.openxmlformats.org/"
                               "wordprocessingml/2006/main\"><w:body>" + body + "</w:body></w:document>");
        zip.addFile(xml, Poco::DateTime(2026, 1, 1), Poco::Path("word/document.xml", Poco::Path::PATH_UNIX));
        zip.close();
        if (!docx) {
            std::cerr << "format_corpus: cannot write " << (out / "docx" / stem).string() << "\n";
            return 1;
        }
    }
    std::cout << n << " documents written to " << out.string() << "\n";
    return 0;
}
