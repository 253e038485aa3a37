// Reading the project's corpus/ from tests: ctest sets VANBAN_SOURCE_DIR to the source tree.
#pragma once

#include <algorithm>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace vanban::test {

inline std::filesystem::path corpus_dir() {
    const char* src = std::getenv("VANBAN_SOURCE_DIR");
    return std::filesystem::path(src ? src : ".") / "corpus";
}

/// ../shared/corpus beside the project when it is there (CI has it), else the project's own corpus/.
inline std::filesystem::path widest_corpus() {
    const char* src = std::getenv("VANBAN_SOURCE_DIR");
    std::filesystem::path root(src ? src : ".");
    std::filesystem::path shared = root / ".." / "shared" / "corpus";
    if (std::filesystem::is_directory(shared)) return shared;
    return root / "corpus";
}

/// The documents under `dir` (.txt and .md, recursively), sorted; notes about the corpus (README.md,
/// ASSIGNMENTS.md: names in capitals) left out.
inline std::vector<std::filesystem::path> documents(const std::filesystem::path& dir) {
    std::vector<std::filesystem::path> out;
    for (const auto& e : std::filesystem::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        auto ext = e.path().extension();
        if (ext != ".txt" && ext != ".md") continue;
        std::string stem = e.path().stem().string();
        if (std::all_of(stem.begin(), stem.end(), [](char c) { return (c >= 'A' && c <= 'Z') || c == '_'; })) continue;
        out.push_back(e.path());
    }
    std::sort(out.begin(), out.end());
    return out;
}

inline std::string slurp(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

/// A stand-in for Nghị quyết 38/NQ-CP (134/KH-UBND implements it; the corpus lacks it), in the
/// gazette layout.
inline constexpr const char* kResolution38 =
    "CHÍNH PHỦ\n-------\nCỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\n---------------\n"
    "Số: 38/NQ-CP\nHà Nội, ngày 17 tháng 3 năm 2022\n\nNGHỊ QUYẾT\n"
    "BAN HÀNH CHƯƠNG TRÌNH PHÒNG, CHỐNG DỊCH COVID-19\n\nCHÍNH PHỦ\n\n"
    "Căn cứ Luật Tổ chức Chính phủ ngày 19 tháng 6 năm 2015;\n\nQUYẾT NGHỊ:\n\n"
    "Điều 1. Ban hành kèm theo Nghị quyết này Chương trình phòng, chống dịch COVID-19.\n\n"
    "Điều 2. Nghị quyết này có hiệu lực từ ngày ký ban hành.\n\n"
    "TM. CHÍNH PHỦ\nTHỦ TƯỚNG\n\nPhạm Minh Chính\n";

}  // namespace vanban::test
