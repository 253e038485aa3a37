// The agency catalogue and recognizer. Matching is on folded text (lowercase, no diacritics, đ→d),
// so case and old/new tone placement never split one agency into two; spans are mapped back to the
// original through the fold's offset map.
#include "agencies.h"

#include "vanban/parser.h"

#include <algorithm>

#include "text.h"

namespace vanban::detail {

extern const unsigned char kAgenciesTsv[];
extern const std::size_t kAgenciesTsv_size;
extern const unsigned char kCollectiveMembersTsv[];
extern const std::size_t kCollectiveMembersTsv_size;

namespace {

bool is_word_byte(char c) {
    return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '&' || static_cast<unsigned char>(c) >= 0x80;
}

// The end of the first word of folded text at i, and of the second one if there is one (else 0).
std::pair<std::size_t, std::size_t> word_ends(std::string_view f, std::size_t i) {
    std::size_t e1 = i;
    while (e1 < f.size() && is_word_byte(f[e1])) ++e1;
    std::size_t s2 = e1;
    while (s2 < f.size() && !is_word_byte(f[s2])) ++s2;
    std::size_t e2 = s2;
    while (e2 < f.size() && is_word_byte(f[e2])) ++e2;
    return {e1, e2 > s2 && e1 > i ? e2 : 0};
}

// The index key of a folded phrase: its first two words with what separates them ("so y"), or its one
// word ("ubnd"). A phrase that matches text at i has the key the text has there, so a look-up tries
// the text's two-word key, then its one-word key: the buckets stay short ("so" alone would hold every
// Sở of every province).
std::string index_key(std::string_view f) {
    auto [e1, e2] = word_ends(f, 0);
    return std::string(f.substr(0, e2 ? e2 : e1));
}

std::vector<std::string> split(std::string_view s, char sep) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t p = s.find(sep, start);
        if (p == std::string_view::npos) p = s.size();
        out.emplace_back(s.substr(start, p - start));
        start = p + 1;
    }
    return out;
}

bool boundary_after(std::string_view f, std::size_t e) { return e >= f.size() || !is_word_byte(f[e]); }

}  // namespace

AgencyCatalog::AgencyCatalog(std::string_view data, std::string_view members) {
    for (const auto& raw : split(data, '\n')) {
        std::string_view line = raw;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty() || trim(line).starts_with('#')) continue;
        auto cols = split(line, '\t');
        if (cols.size() < 3) continue;
        cols.resize(7);
        AgencyEntry e;
        e.id = std::string(trim(cols[0]));
        e.kind = std::string(trim(cols[1]));
        e.name = std::string(trim(cols[2]));
        for (auto& a : split(cols[3], '|')) {
            if (!trim(a).empty()) e.aliases.emplace_back(trim(a));
        }
        e.scope = std::string(trim(cols[4]));
        e.valid = std::string(trim(cols[5]));
        e.successor = std::string(trim(cols[6]));
        if (e.id.empty() || e.name.empty()) continue;
        entries_.push_back(std::move(e));
    }
    for (std::size_t k = 0; k < entries_.size(); ++k) {
        const auto& e = entries_[k];
        std::vector<std::string> phrases{e.name};
        phrases.insert(phrases.end(), e.aliases.begin(), e.aliases.end());
        auto& index = e.kind == "province" ? provinces_ : by_key_;
        for (const auto& p : phrases) {
            std::string f = squeeze(fold(p));
            if (f.empty()) continue;
            index[index_key(f)].push_back(Phrase{f, k, is_all_caps(p)});
        }
    }
    for (auto* index : {&by_key_, &provinces_}) {
        for (auto& [w, list] : *index) {
            std::stable_sort(list.begin(), list.end(),
                             [](const Phrase& a, const Phrase& b) { return a.folded.size() > b.folded.size(); });
        }
    }
    std::size_t number = 0;
    for (const auto& raw : split(members, '\n')) {
        ++number;
        std::string_view line = raw;
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (trim(line).empty() || trim(line).starts_with('#')) continue;
        auto cols = split(line, '\t');
        // The scope may be left off with its tab: "cac-bo-ban-nganh-trung-uong<TAB>ministry".
        if (cols.size() == 2) cols.emplace_back();
        if (cols.size() != 3 || trim(cols[0]).empty() || trim(cols[1]).empty()) {
            member_bad_lines_.push_back(number);
            continue;
        }
        member_rows_.push_back(MemberRow{std::string(trim(cols[0])), std::string(trim(cols[1])), std::string(trim(cols[2])), number});
    }
}

const AgencyCatalog& AgencyCatalog::builtin() {
    static const AgencyCatalog catalog(std::string_view(reinterpret_cast<const char*>(kAgenciesTsv), kAgenciesTsv_size),
                                       std::string_view(reinterpret_cast<const char*>(kCollectiveMembersTsv),
                                                        kCollectiveMembersTsv_size));
    return catalog;
}

std::optional<AgencyCatalog::Hit> match_in(const AgencyCatalog::Index& index, std::string_view folded, std::size_t i) {
    auto [e1, e2] = word_ends(folded, i);
    if (e1 == i) return std::nullopt;
    // Two-word phrases are longer than any one-word phrase that matches here, so they go first, as the
    // longest-first order of one bucket would have it.
    for (std::size_t e : {e2, e1}) {
        if (e == 0) continue;
        auto it = index.find(folded.substr(i, e - i));
        if (it == index.end()) continue;
        for (const auto& p : it->second) {
            if (folded.compare(i, p.folded.size(), p.folded) == 0 && boundary_after(folded, i + p.folded.size())) {
                return AgencyCatalog::Hit{p.entry, p.folded.size(), p.caps_only};
            }
        }
    }
    return std::nullopt;
}

std::optional<AgencyCatalog::Hit> AgencyCatalog::match(std::string_view folded, std::size_t i) const {
    return match_in(by_key_, folded, i);
}

std::optional<AgencyCatalog::Hit> AgencyCatalog::match_province(std::string_view folded, std::size_t i) const {
    return match_in(provinces_, folded, i);
}

std::optional<std::size_t> AgencyCatalog::find_province(std::string_view text) const {
    std::string f = fold(text);
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (i > 0 && is_word_byte(f[i - 1])) continue;
        if (auto h = match_province(f, i)) return h->entry;
    }
    return std::nullopt;
}

HomePlace home_place(std::string_view issuer, std::string_view issuer_parent, std::string_view place,
                     const AgencyCatalog& cat) {
    // A local issuer names its province; a central one (a ministry, the Prime Minister) has none, even
    // though it dates its documents in Hà Nội. Only a document whose issuer is unknown falls back on
    // its place line.
    HomePlace h;
    h.catalog = &cat;
    for (std::string_view s : {issuer, issuer_parent}) {
        if (s.empty()) continue;
        if (auto p = cat.find_province(s)) {
            h.province = p;
            return h;
        }
    }
    if (issuer.empty() && !place.empty()) h.province = cat.find_province(place);
    return h;
}

}  // namespace vanban::detail

namespace vanban {

std::shared_ptr<const detail::AgencyCatalog> make_catalog(std::string_view agencies_tsv, std::string_view members_tsv) {
    return std::make_shared<const detail::AgencyCatalog>(agencies_tsv, members_tsv);
}

const std::vector<CatalogAgency>& agency_catalog() {
    static const std::vector<CatalogAgency> catalog = [] {
        std::vector<CatalogAgency> out;
        const auto& cat = detail::AgencyCatalog::builtin();
        for (const auto& e : cat.entries()) {
            CatalogAgency a{e.id, e.kind, e.name, e.aliases, e.scope, e.successor, {}};
            if (e.kind == "collective") {
                for (const auto& m : cat.member_rows()) {
                    if (m.collective == e.id) a.members.push_back(CollectiveMember{m.kind, m.scope});
                }
            }
            out.push_back(std::move(a));
        }
        return out;
    }();
    return catalog;
}

}  // namespace vanban
