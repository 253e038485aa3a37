// The formats table: one document (Chỉ thị 21/CT-TTg) as text, HTML, .docx, .doc, PDF, TCVN3, VNI,
// VISCII, Windows-1258, UTF-16 and our Akoma Ntoso export gives the same number, date, issuer, signers, sections and tasks
// through read_document (what import, parse and POST call); and each file, imported by the real CLI
// into a database of its own, is found by a search typed without diacritics.
#include <gtest/gtest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "corpus_files.h"
#include "format_makers.h"
#include "pdf_maker.h"
#include "vanban/akn.h"
#include "vanban/import.h"

namespace {

namespace fs = std::filesystem;
using namespace vanban::test;

struct Made {
    const char* name;
    const char* file;  // the file name it is imported as
    std::string bytes;
};

std::vector<Made> every_format() {
    const std::string text = slurp(corpus_dir() / "cb_chi-thi-so-21-ct-ttg-469580.txt");
    const std::string normalized = vanban::parse(text).text;
    const std::vector<std::string> lines = lines_of(text);
    return {
        {"text", "ct21.txt", text},
        {"html", "ct21.html", as_portal_page(normalized)},
        {"docx", "ct21.docx", as_word_file(normalized)},
        {"doc", "ct21.doc", slurp(corpus_dir().parent_path() / "tests" / "index" / "data" / "cb_chi-thi-so-21-ct-ttg-469580.doc")},
        {"pdf", "ct21.pdf", make_pdf(lines)},
        {"tcvn3", "ct21-tcvn3.txt", iconv_to(text, "TCVN5712-1")},
        {"vni", "ct21-vni.txt", to_vni(text)},
        {"viscii", "ct21-viscii.txt", iconv_to(text, "VISCII")},
        {"windows-1258", "ct21-cp1258.txt", iconv_to(text, "CP1258")},
        {"utf-16", "ct21-utf16.txt", icu_to(text, "UTF-16LE", true)},
        {"akn", "ct21.akn.xml", vanban::to_akn(vanban::parse(text))},
    };
}

TEST(Formats, EveryFormatOfOneDocumentReadsTheSame) {
    const std::string want = essentials(vanban::parse(slurp(corpus_dir() / "cb_chi-thi-so-21-ct-ttg-469580.txt")));
    ASSERT_NE(want.find("number=21/CT-TTg"), std::string::npos);
    ASSERT_NE(want.find("signers: Phạm Thị Thanh Trà"), std::string::npos) << want;
    for (const auto& m : every_format()) {
        ASSERT_FALSE(m.bytes.empty()) << m.name;
        vanban::ReadDocument r = vanban::read_document(m.bytes);
        EXPECT_EQ(essentials(r.doc), want) << m.name;
    }
}

std::string run(const std::string& args) {
    std::string out;
    FILE* p = ::popen((std::string(VANBAN_CLI) + " " + args + " 2>&1").c_str(), "r");
    if (!p) return out;
    std::array<char, 4096> buf;
    for (std::size_t n; (n = std::fread(buf.data(), 1, buf.size(), p)) > 0;) out.append(buf.data(), n);
    ::pclose(p);
    return out;
}

TEST(Formats, EveryFormatIsImportedAndSearchedByTheCli) {
    const fs::path dir = fs::temp_directory_path() / ("vanban-formats-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const auto& m : every_format()) {
        const fs::path file = dir / m.file, db = dir / (std::string(m.name) + ".db");
        std::ofstream(file, std::ios::binary) << m.bytes;
        std::string imported = run("import '" + file.string() + "' --db '" + db.string() + "'");
        EXPECT_NE(imported.find("1 added"), std::string::npos) << m.name << ": " << imported;
        std::string found = run("search 'sap xep thon to dan pho' --db '" + db.string() + "'");
        EXPECT_NE(found.find("21/CT-TTg"), std::string::npos) << m.name << ": " << found;
    }
    fs::remove_all(dir);
}

}  // namespace
