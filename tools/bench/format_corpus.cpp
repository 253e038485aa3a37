// format_corpus DIR OUT: writes every *.txt and *.md file under DIR several ways, for
// tools/bench/formats.sh: OUT/txt/ (as is), OUT/html/ (a portal-like page: a menu, a script, a
// sidebar, the document one <p> per line, a footer), OUT/docx/ (a Word file, one paragraph per line),
// OUT/tcvn3/ (glibc's iconv to TCVN5712-1, characters it has no byte for as '?') and OUT/pdf/ (the
// lines drawn by cairo in DejaVu Sans, 50 a page) and OUT/akn/ (the parsed document's Akoma Ntoso
// export). Exit codes: 0 ok, 1 failed, 2 usage.
#include "format_makers.h"
#include "pdf_maker.h"
#include "vanban/akn.h"
#include "vanban/parser.h"

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace fs = std::filesystem;
using namespace vanban::test;

namespace {

template <class F>
void each_line(const std::string& text, F f) {
    for (std::size_t s = 0; s <= text.size();) {
        std::size_t e = text.find('\n', s);
        if (e == std::string::npos) e = text.size();
        f(std::string_view(text).substr(s, e - s));
        s = e + 1;
    }
}

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: format_corpus DIR OUT\n";
        return 2;
    }
    const fs::path in = argv[1], out = argv[2];
    for (const char* d : {"txt", "html", "docx", "tcvn3", "pdf", "akn"}) fs::create_directories(out / d);
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
        std::ofstream(out / "tcvn3" / (stem + ext.string()), std::ios::binary) << iconv_to(text, "TCVN5712-1");
        std::ofstream(out / "pdf" / (stem + ".pdf"), std::ios::binary) << make_pdf(lines_of(text));
        std::ofstream(out / "akn" / (stem + ".akn.xml"), std::ios::binary) << vanban::to_akn(vanban::parse(text));
        std::string page = "<!DOCTYPE html><html><head><meta charset=\"utf-8\"><script>var a = 1;</script></head><body>"
                           "<ul class=\"menu\"><li><a href=\"/\">Trang chủ</a></li><li><a href=\"/vb\">Văn bản</a></li></ul>"
                           "<aside><p>Văn bản liên quan</p></aside><div class=\"content\">";
        std::string body;
        each_line(text, [&](std::string_view l) {
            page += "<p>" + escape_markup(l) + "</p>\n";
            body += para(l);
        });
        page += "</div><footer>Cổng thông tin</footer></body></html>\n";
        std::ofstream(out / "html" / (stem + ".html"), std::ios::binary) << page;
        std::ofstream file(out / "docx" / (stem + ".docx"), std::ios::binary);
        file << docx(body);
        if (!file) {
            std::cerr << "format_corpus: cannot write " << (out / "docx" / stem).string() << "\n";
            return 1;
        }
    }
    std::cout << n << " documents written to " << out.string() << "\n";
    return 0;
}
