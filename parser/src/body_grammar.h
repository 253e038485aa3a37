// The words the grammar of body names is made of (one table each, in body_grammar.cpp): head nouns
// ("Sở", "Kho bạc Nhà nước", "Tập đoàn"), the titles of heads ("Giám đốc", "Bộ trưởng"), the nouns of
// groups ("các sở, ban, ngành"), and the words that end a name because they begin what is said of
// it ("chủ trì", "phối hợp", "theo"). Phrases are written lowercase with diacritics; they are looked up
// by their fold and then compared by spelling (spelling(): tone placement aside), so "Ủy"/"Uỷ" agree
// and "bộ"/"bổ" do not. A word written without any diacritic agrees with every spelling.
#pragma once

#include <span>
#include <string_view>

namespace vanban::detail {

/// A head noun: the word a body's name starts with.
struct HeadNoun {
    std::string_view written;  ///< lowercase, with diacritics
    bool national = false;  ///< a central body or an enterprise: its name takes no province ("Bộ", "Tập đoàn")
    bool lowercase_ok = false;  ///< its name may go on in lowercase ("Ban quản lý dự án", "Hội đồng trường")
    bool bare_ok = false;   ///< may stand with nothing but a place after it ("Công an tỉnh", "Thuế tỉnh")
};

/// Head nouns, longest first within the same first word.
std::span<const HeadNoun> head_nouns();

/// A title of a head ("Giám đốc" Sở Y tế): written with diacritics, lowercase, compared with the
/// lowercased original (folding would merge "trưởng" and "trường"). `implies`: the group a title
/// names when it stands alone ("Bộ trưởng, Thủ trưởng cơ quan ngang bộ" -> "Bộ"), or empty.
struct Title {
    std::string_view lower;
    std::string_view implies;
};

std::span<const Title> titles();

/// A noun that names a kind of body in a group ("các sở, ban, ngành", "các doanh nghiệp viễn
/// thông"). `generic`: names nobody on its own ("các cơ quan, đơn vị liên quan").
struct GroupNoun {
    std::string_view written;  ///< lowercase, with diacritics
    bool generic = false;
};

std::span<const GroupNoun> group_nouns();

/// Words and phrases that end a name in lowercase: verbs and prepositions that begin what is said
/// of a body ("Sở Y tế chủ trì", "Ban quản lý dự án theo ..."). Lowercase with diacritics (compared
/// with the lowercased original: the fold merges "trong" and "trồng"), whole words.
std::span<const std::string_view> name_stops();

/// Phrases that begin like a head or group noun but name no body ("trường hợp", "hội nghị").
std::span<const std::string_view> false_nouns();

/// Qualifiers of a group that leave it naming nobody: "có liên quan", "chức năng", "khác".
std::span<const std::string_view> generic_qualifiers();

}  // namespace vanban::detail
