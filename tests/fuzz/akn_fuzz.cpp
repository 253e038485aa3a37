// Fuzz target for the Akoma Ntoso reader and writer (vanban/akn.h): any bytes read as AKN give a
// Document or a DecodeError, never another exception, and the Document keeps the span invariants; any
// bytes parsed as text export to AKN that the schema accepts and that reads back as the same document.
//
// Built as parse_fuzz.cpp is (tests/fuzz/CMakeLists.txt): `akn_fuzz` with clang and -DVANBAN_FUZZ=ON,
//     build-fuzz/akn_fuzz -max_total_time=60 -max_len=65536 tests/fuzz/akn_corpus
// and always `akn_fuzz_replay`, run by ctest as `fuzz_akn_replay` over tests/fuzz/akn_corpus/.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <string>
#include <string_view>

#include "span_invariants.h"
#include "vanban/akn.h"
#include "vanban/decode.h"
#include "vanban/parser.h"

namespace {

[[noreturn]] void fail(const char* what, const std::string& detail) {
    std::fprintf(stderr, "akn_fuzz: %s: %s\n", what, detail.c_str());
    std::abort();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    std::string_view input(reinterpret_cast<const char*>(data), size);
    try {
        // The bytes as an AKN file.
        try {
            vanban::Document doc = vanban::read_akn(input);
            if (std::string p = vanban::test::invariant_problem(doc); !p.empty()) fail("read_akn broke an invariant", p);
        } catch (const vanban::DecodeError&) {
        }
        // The bytes as a text, exported and read back.
        vanban::Document doc = vanban::parse(input);
        std::string xml = vanban::to_akn(doc);
        if (auto errors = vanban::validate_akn(xml); !errors.empty()) fail("the export does not validate", errors.front());
        vanban::Document back = vanban::read_akn(xml);
        if (back.text != doc.text) fail("the export read back another text", xml.substr(0, 2000));
        vanban::Document a = doc, b = back;
        a.diagnostics.clear();
        b.diagnostics.clear();
        if (vanban::to_json(a) != vanban::to_json(b)) fail("the export read back another document", xml.substr(0, 2000));
    } catch (const std::bad_alloc&) {
        return 0;
    } catch (const std::exception& e) {
        fail("an exception", e.what());
    }
    return 0;
}
