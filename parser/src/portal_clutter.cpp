// Reads the embedded parser/data/portal_clutter.tsv (see portal_clutter.h) once.
#include "portal_clutter.h"

#include <algorithm>
#include <array>
#include <optional>
#include <vector>

#include "text.h"

namespace vanban::detail {

extern const unsigned char kPortalClutterTsv[];
extern const std::size_t kPortalClutterTsv_size;

namespace {

constexpr std::array<std::pair<ClutterRole, std::string_view>, 12> kRoleNames{{
    {ClutterRole::frame, "frame"},
    {ClutterRole::footer, "footer"},
    {ClutterRole::label, "label"},
    {ClutterRole::description, "description"},
    {ClutterRole::loading, "loading"},
    {ClutterRole::block_end, "block_end"},
    {ClutterRole::no_value, "no_value"},
    {ClutterRole::summary_end, "summary_end"},
    {ClutterRole::stamp, "stamp"},
    {ClutterRole::stamp_line, "stamp_line"},
    {ClutterRole::banner, "banner"},
    {ClutterRole::banner_line, "banner_line"},
}};

// by_role below is indexed by the enum's value: the names are in the enum's order.
constexpr bool names_in_enum_order() {
    for (std::size_t i = 0; i < kRoleNames.size(); ++i) {
        if (static_cast<std::size_t>(kRoleNames[i].first) != i) return false;
    }
    return true;
}
static_assert(names_in_enum_order());

std::optional<ClutterRole> role_named(std::string_view name) {
    for (const auto& [role, n] : kRoleNames) {
        if (n == name) return role;
    }
    return std::nullopt;
}

struct Table {
    std::vector<ClutterRow> rows;
    std::vector<std::size_t> bad;
    std::array<std::vector<std::string_view>, kRoleNames.size()> by_role;

    Table() {
        std::string_view data(reinterpret_cast<const char*>(kPortalClutterTsv), kPortalClutterTsv_size);
        std::size_t number = 0;
        while (!data.empty()) {
            std::size_t nl = data.find('\n');
            std::string_view line = data.substr(0, nl);
            data.remove_prefix(nl == std::string_view::npos ? data.size() : nl + 1);
            ++number;
            if (line.ends_with('\r')) line.remove_suffix(1);
            if (trim(line).empty() || trim(line).starts_with('#')) continue;
            std::vector<std::string_view> cols;
            for (std::size_t start = 0;;) {
                std::size_t tab = line.find('\t', start);
                cols.push_back(line.substr(start, tab == std::string_view::npos ? std::string_view::npos : tab - start));
                if (tab == std::string_view::npos) break;
                start = tab + 1;
            }
            std::optional<ClutterRole> role = cols.size() == 4 ? role_named(cols[1]) : std::nullopt;
            std::string_view phrase = cols.size() == 4 ? cols[2] : std::string_view{};
            if (phrase.size() >= 2 && phrase.front() == '"' && phrase.back() == '"') phrase = phrase.substr(1, phrase.size() - 2);
            if (!role || phrase.empty() || cols[0].empty() || cols[3].empty()) {
                bad.push_back(number);
                continue;
            }
            rows.push_back(ClutterRow{cols[0], *role, phrase, cols[3], number});
            auto& list = by_role[static_cast<std::size_t>(*role)];
            if (std::find(list.begin(), list.end(), phrase) == list.end()) list.push_back(phrase);
        }
    }
};

const Table& table() {
    static const Table t;
    return t;
}

}  // namespace

std::span<const ClutterRow> clutter_rows() { return table().rows; }

std::span<const std::size_t> clutter_bad_lines() { return table().bad; }

std::span<const std::string_view> clutter_phrases(ClutterRole role) {
    return table().by_role[static_cast<std::size_t>(role)];
}

std::string_view clutter_role_name(ClutterRole role) {
    for (const auto& [r, n] : kRoleNames) {
        if (r == role) return n;
    }
    return {};
}

}  // namespace vanban::detail
