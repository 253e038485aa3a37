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

}  // namespace vanban::test
