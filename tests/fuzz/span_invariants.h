// Invariants every vanban::Document must satisfy, whatever the input: shared by the property test
// (tests/parser/property_test.cpp) and the fuzz target (tests/fuzz/parse_fuzz.cpp).
//
//   - Document::text is valid UTF-8 (no overlongs, no surrogates, nothing above U+10FFFF) and NFC;
//   - every span (sections and their children, bases, diagnostics, preamble, closing) satisfies
//     start <= end <= text.size(), and both ends lie on UTF-8 boundaries (not on a continuation byte);
//   - a child's span lies within its parent's span;
//   - sibling sections (top level, and the children of one section) are in order and do not overlap;
//     so are the bases.
//
// Test-only header: it includes ICU, which public headers must not.
#pragma once

#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "vanban/parser.h"

namespace vanban::test {

/// Length of the valid UTF-8 sequence starting at s[i], or 0 if the bytes there are not one.
inline std::size_t utf8_sequence_length(std::string_view s, std::size_t i) {
    auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
    auto cont = [&](std::size_t k) { return k < s.size() && (b(k) & 0xC0) == 0x80; };
    unsigned char c = b(i);
    if (c < 0x80) return 1;
    if (c >= 0xC2 && c <= 0xDF) return cont(i + 1) ? 2 : 0;
    if (c >= 0xE0 && c <= 0xEF) {
        if (!cont(i + 1) || !cont(i + 2)) return 0;
        if (c == 0xE0 && b(i + 1) < 0xA0) return 0;   // overlong
        if (c == 0xED && b(i + 1) >= 0xA0) return 0;  // surrogate
        return 3;
    }
    if (c >= 0xF0 && c <= 0xF4) {
        if (!cont(i + 1) || !cont(i + 2) || !cont(i + 3)) return 0;
        if (c == 0xF0 && b(i + 1) < 0x90) return 0;   // overlong
        if (c == 0xF4 && b(i + 1) >= 0x90) return 0;  // above U+10FFFF
        return 4;
    }
    return 0;
}

/// Empty if `s` is valid UTF-8, else a description of the first invalid byte.
inline std::string utf8_problem(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = utf8_sequence_length(s, i);
        if (n == 0) return "invalid UTF-8 at byte " + std::to_string(i);
        i += n;
    }
    return {};
}

/// True if `s` (valid UTF-8) is in NFC, according to ICU.
inline bool is_nfc(std::string_view s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return false;
    bool ok = nfc->isNormalizedUTF8(icu::StringPiece(s.data(), static_cast<int32_t>(s.size())), status);
    return U_SUCCESS(status) && ok;
}

namespace detail {

inline bool on_boundary(std::string_view text, std::size_t pos) {
    return pos >= text.size() || (static_cast<unsigned char>(text[pos]) & 0xC0) != 0x80;
}

inline std::string describe(const char* what, Span s) {
    return std::string(what) + " [" + std::to_string(s.start) + ", " + std::to_string(s.end) + ")";
}

/// Empty if `s` is a well-formed span into `text`, else what is wrong with it.
inline std::string span_problem(std::string_view text, const char* what, Span s) {
    if (s.start > s.end) return describe(what, s) + ": start > end";
    if (s.end > text.size()) return describe(what, s) + ": past the end of text (" + std::to_string(text.size()) + ")";
    if (!on_boundary(text, s.start)) return describe(what, s) + ": start inside a UTF-8 sequence";
    if (!on_boundary(text, s.end)) return describe(what, s) + ": end inside a UTF-8 sequence";
    return {};
}

inline std::string sections_problem(std::string_view text, const std::vector<Section>& sections, const Span* parent,
                                    const std::string& path) {
    const Section* prev = nullptr;
    for (std::size_t i = 0; i < sections.size(); ++i) {
        const Section& s = sections[i];
        std::string here = path + "/" + std::string(to_string(s.kind)) + "[" + std::to_string(i) + "]" +
                           (s.label.empty() ? "" : "(" + s.label + ")");
        if (auto p = span_problem(text, here.c_str(), s.span); !p.empty()) return p;
        if (parent && (s.span.start < parent->start || s.span.end > parent->end)) {
            return describe(here.c_str(), s.span) + ": outside its parent " + describe("", *parent);
        }
        if (prev && prev->span.end > s.span.start) {
            return describe(here.c_str(), s.span) + ": overlaps or precedes its previous sibling " +
                   describe("", prev->span);
        }
        if (auto p = sections_problem(text, s.children, &s.span, here); !p.empty()) return p;
        prev = &s;
    }
    return {};
}

}  // namespace detail

/// Empty if `doc` satisfies every invariant above, else a description of the first violation.
inline std::string invariant_problem(const Document& doc) {
    const std::string_view text = doc.text;
    if (auto p = utf8_problem(text); !p.empty()) return "Document::text: " + p;
    if (!is_nfc(text)) return "Document::text is not NFC";
    if (doc.preamble) {
        if (auto p = detail::span_problem(text, "preamble", *doc.preamble); !p.empty()) return p;
    }
    if (doc.closing) {
        if (auto p = detail::span_problem(text, "closing", *doc.closing); !p.empty()) return p;
    }
    const Basis* prev = nullptr;
    for (const auto& b : doc.bases) {
        if (auto p = detail::span_problem(text, "basis", b.span); !p.empty()) return p;
        if (prev && prev->span.end > b.span.start) return detail::describe("basis", b.span) + ": overlaps the previous";
        prev = &b;
    }
    for (const auto& d : doc.diagnostics) {
        if (auto p = detail::span_problem(text, ("diagnostic '" + d.message + "'").c_str(), d.span); !p.empty()) {
            return p;
        }
    }
    return detail::sections_problem(text, doc.sections, nullptr, "");
}

}  // namespace vanban::test
