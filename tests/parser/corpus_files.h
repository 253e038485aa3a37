// Reading the project's corpus/ from tests: ctest sets VANBAN_SOURCE_DIR to the source tree.
#pragma once

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace vanban::test {

inline std::filesystem::path corpus_dir() {
    const char* src = std::getenv("VANBAN_SOURCE_DIR");
    return std::filesystem::path(src ? src : ".") / "corpus";
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
