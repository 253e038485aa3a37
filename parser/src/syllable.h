// Vietnamese syllables: is a fragment of text one, and can split fragments be joined back into one.
#pragma once

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vanban::detail {

/// Removes tone marks only (sắc, huyền, hỏi, ngã, nặng), keeping the letters â ă ê ô ơ ư đ, and
/// lowercases: "Quảng" -> "quang", "Đặng" -> "đăng", "hưởng" -> "hương".
std::string toneless(std::string_view word);

/// True when `word` (letters only, any case, with or without tone) is a well-formed Vietnamese
/// syllable: an onset (b, ch, gh, ngh, qu, ...) and a rhyme from the closed list of rhymes.
/// "Quảng", "nghiêng", "xã" are; "ng", "Qu", "ưở", "dâ", "TP" are not.
bool is_syllable(std::string_view word);

/// True when `word` could still become a syllable by appending letters ("hưở" -> "hưởng").
bool is_syllable_prefix(std::string_view word);

/// Remembers which short words are syllables, for one document (most words recur). Looked up by
/// string_view without building a string.
struct SyllableHash {
    using is_transparent = void;
    std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
};
using SyllableCache = std::unordered_map<std::string, bool, SyllableHash, std::equal_to<>>;

/// Joins fragments of syllables split by stray spaces in a line ("Qu ả ng Ngãi" -> "Quảng Ngãi",
/// "T HÀNH P HỐ" -> "THÀNH PHỐ", "nhi ệ m" -> "nhiệm"): a fragment that is not a syllable is joined
/// to its neighbour when the result is one. Returns the number of joins made; `line` is rewritten.
int join_fragments(std::string& line, SyllableCache* cache = nullptr);

}  // namespace vanban::detail
