// Agencies: the catalogue compiled from parser/data/agencies.tsv, and the recognizer that finds
// agency names in running text and resolves them to a canonical agency with an id.
#pragma once

#include <cstddef>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

namespace vanban::detail {

/// One line of agencies.tsv.
struct AgencyEntry {
    std::string id;
    std::string kind;  ///< national, ministry, party, agency, province, local, collective
    std::string name;
    std::vector<std::string> aliases;
    std::string scope;  ///< province: "tỉnh" / "thành phố"; local: the level
    std::string valid;  ///< "from..to"
    std::string successor;
};

/// One row of collective_members.tsv: a collective's id and the kind (and scope, "" for any) of the
/// bodies it includes.
struct MemberRow {
    std::string collective;
    std::string kind;
    std::string scope;
    std::size_t line = 0;  ///< 1-based line of the file
};

namespace reading {
struct Grammar;
}

/// An agency catalogue: names, aliases, kinds, successors, collectives' members. The built-in one is
/// read once from the embedded data (builtin()); another may be built from tables in the same format
/// (make_catalog(), catalog.h) and given to parse() in ParseOptions. Immutable once built; thread-safe.
class AgencyCatalog {
public:
    /// The catalogue of parser/data/agencies.tsv and collective_members.tsv, built on first use.
    static const AgencyCatalog& builtin();
    /// A catalogue from tables in the format of those files.
    AgencyCatalog(std::string_view agencies_tsv, std::string_view members_tsv);
    AgencyCatalog(const AgencyCatalog&) = delete;
    AgencyCatalog& operator=(const AgencyCatalog&) = delete;

    /// The body grammar's tables for this catalogue (the words a mention may start with come from its
    /// names and aliases): built on first use, kept with it (bodies.cpp).
    const reading::Grammar& grammar() const;

    const std::vector<AgencyEntry>& entries() const { return entries_; }

    /// Every row of collective_members.tsv in file order, also one naming no collective of the
    /// catalogue (agency_catalog() leaves it out; a test holds the file to the catalogue).
    const std::vector<MemberRow>& member_rows() const { return member_rows_; }
    /// Lines of collective_members.tsv that hold no collective and kind.
    const std::vector<std::size_t>& member_bad_lines() const { return member_bad_lines_; }

    /// The longest name or alias that starts at folded byte i of `folded` (at a word boundary) and
    /// ends at a word boundary: the entry's index and the folded length matched.
    struct Hit {
        std::size_t entry;
        std::size_t length;
        bool caps_only = false;  ///< an abbreviation ("TU", "SYT"): only matches text in capitals
    };
    std::optional<Hit> match(std::string_view folded, std::size_t i) const;

    /// The province whose name (or alias) starts at folded byte i, with the folded length.
    std::optional<Hit> match_province(std::string_view folded, std::size_t i) const;

    /// The province named somewhere in `text` (an issuer's name, a place): its entry index.
    std::optional<std::size_t> find_province(std::string_view text) const;

private:
    mutable std::once_flag grammar_once_;
    mutable std::shared_ptr<const reading::Grammar> grammar_;
    std::vector<AgencyEntry> entries_;
    std::vector<MemberRow> member_rows_;
    std::vector<std::size_t> member_bad_lines_;
    struct Phrase {
        std::string folded;
        std::size_t entry;
        bool caps_only;
    };
    struct Hash {
        using is_transparent = void;
        std::size_t operator()(std::string_view s) const noexcept { return std::hash<std::string_view>{}(s); }
    };
    using Index = std::unordered_map<std::string, std::vector<Phrase>, Hash, std::equal_to<>>;
    // Index key (index_key(): the first two folded words, or the one) -> phrases with it, longest first.
    Index by_key_;
    Index provinces_;
    friend std::optional<Hit> match_in(const Index& index, std::string_view folded, std::size_t i);
};

/// An agency found in a piece of text.
struct FoundAgency {
    std::size_t start = 0;  ///< byte offsets in the text given to find_agencies: the name, title excluded
    std::size_t end = 0;
    std::size_t head_start = 0;  ///< where the mention starts, the head's title included ("Giám đốc Sở ...")
    std::string name;       ///< as written, title excluded
    std::string canonical;  ///< with its place completed: "Sở Y tế thành phố Hà Nội"
    std::string id;         ///< "so-y-te@ha-noi", "bo-y-te", "collective:so-ban-nganh@ha-noi"
    bool collective = false;
    bool catalogued = false;  ///< the id is a catalogue entry's (completed with a province)
    bool generic = false;     ///< names nobody: "các cơ quan, đơn vị liên quan", "các địa phương"
    bool related = false;     ///< a group qualified by "(có) liên quan": "các bộ, ngành liên quan" — whichever
                              ///< are concerned; it names its members only as a heading does
    bool titled = false;      ///< written after a head's title ("Giám đốc", "Thủ trưởng")
    bool place_only = false;  ///< a province named as an actor ("tỉnh Đắk Lắk cần ..."): its People's Committee
    bool listed = false;      ///< an item of a list in parentheses after a group ("(VNPT, Viettel, ...)")
    std::string group_first;  ///< a group's first noun, folded ("so" in "các sở, ban, ngành")
    bool administrative = false;  ///< a group of departments only (sở, ban, ngành, bộ, cơ quan ngang bộ ...)
    int entry = -1;             ///< the catalogue entry, or -1
    bool place_printed = false;  ///< the mention writes its own place ("tỉnh Quảng Ngãi", "Thành phố")
    std::string completion;     ///< the place words added to the canonical name (" tỉnh Bắc Ninh"), or ""
    std::string name_full;      ///< the catalogue's full name when the written one abbreviates it, or ""
};

/// The place agencies of a document belong to when their names leave it out ("Công an Thành phố"
/// in a Hanoi document): the province named by the issuer, its parent, or the place line.
struct HomePlace {
    std::optional<std::size_t> province;  ///< index into the catalogue
    const AgencyCatalog* catalog = nullptr;  ///< the catalogue it indexes (null: the built-in one)
};

/// The catalogue a place belongs to: its own, else the built-in one.
inline const AgencyCatalog& catalog_of(const HomePlace& home) {
    return home.catalog ? *home.catalog : AgencyCatalog::builtin();
}

HomePlace home_place(std::string_view issuer, std::string_view issuer_parent, std::string_view place,
                     const AgencyCatalog& catalog = AgencyCatalog::builtin());

/// Finds agency names in `text`, left to right, non-overlapping, longest first. Lists such as
/// "các sở: YT, TC, XD" and "Giám đốc các Sở: Y tế, Xây dựng" and "các Báo: Hà Nội mới, Kinh tế và
/// Đô thị" give one agency per item.
std::vector<FoundAgency> find_agencies(std::string_view text, const HomePlace& home);

struct Folded;
/// The same, with the text already folded (fold_with_map(text)).
std::vector<FoundAgency> find_agencies(std::string_view text, const Folded& folded, const HomePlace& home);


}  // namespace vanban::detail
