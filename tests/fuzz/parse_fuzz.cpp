// Fuzz target for vanban::parse: any bytes in, no exception out, and every span invariant of
// span_invariants.h holds; a violation aborts (a crash for libFuzzer, a failed test for the replay).
//
// Built two ways (tests/fuzz/CMakeLists.txt):
//   - with clang and -DVANBAN_FUZZ=ON: `parse_fuzz`, a libFuzzer binary
//       build-fuzz/parse_fuzz -max_total_time=60 -max_len=65536 tests/fuzz/corpus
//   - always: `parse_fuzz_replay`, this file plus replay_main.cpp, which runs every file of
//     tests/fuzz/corpus/ once; ctest runs it as `fuzz_replay`, so saved crashers stay regression tests.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "span_invariants.h"
#include "vanban/parser.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    vanban::Document doc;
    try {
        doc = vanban::parse(input);
    } catch (const std::bad_alloc&) {
        return 0;  // the one exception parse may throw
    } catch (const std::exception& e) {
        std::fprintf(stderr, "parse_fuzz: vanban::parse threw on content: %s\n", e.what());
        std::abort();
    }
    std::string problem = vanban::test::invariant_problem(doc);
    if (!problem.empty()) {
        std::fprintf(stderr, "parse_fuzz: invariant violated: %s\n", problem.c_str());
        std::abort();
    }
    // The renderings must not throw either.
    try {
        (void)vanban::to_json(doc);
        (void)vanban::to_tree(doc);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "parse_fuzz: rendering threw: %s\n", e.what());
        std::abort();
    }
    return 0;
}
