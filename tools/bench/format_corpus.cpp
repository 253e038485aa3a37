// format_corpus DIR OUT: writes every *.txt and *.md file under DIR three ways, for
// tools/bench/formats.sh: OUT/txt/ (as is), OUT/html/ (a portal-like page: a menu, a script, a
// sidebar, the document one <p> per line, a footer) and OUT/docx/ (a Word file, one paragraph per
// line). Exit codes: 0 ok, 1 failed, 2 usage.
#include <Poco/DateTime.h>
#include <Poco/Path.h>
#include <Poco/Zip/Compress.h>

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

}  // namespace

int main(int argc, char** argv) {
    if (argc != 3) {
        std::cerr << "usage: format_corpus DIR OUT\n";
        return 2;
    }
    const fs::path in = argv[1], out = argv[2];
    for (const char* d : {"txt", "html", "docx"}) fs::create_directories(out / d);
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
