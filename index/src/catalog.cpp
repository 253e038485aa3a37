// The parser's agency catalogue as the index reads it: ids, names with their place, succession, and
// names as people type them. See catalog.h.
#include "catalog.h"

#include <algorithm>
#include <unordered_map>

namespace vanban::detail {

namespace {

constexpr std::string_view kCollective = "collective:";

// Every catalogue name and alias, folded as fold_query folds a query -> the entries it names, in
// file order. Built once.
const std::unordered_map<std::string, std::vector<const CatalogAgency*>>& names() {
    static const auto map = [] {
        std::unordered_map<std::string, std::vector<const CatalogAgency*>> m;
        auto add = [&](const std::string& name, const CatalogAgency& e) {
            auto& list = m[fold_query(name)];
            if (std::find(list.begin(), list.end(), &e) == list.end()) list.push_back(&e);
        };
        for (const auto& e : agency_catalog()) {
            add(e.name, e);
            for (const auto& a : e.aliases) add(a, e);
        }
        m.erase("");
        return m;
    }();
    return map;
}

const std::vector<const CatalogAgency*>& entries_named(const std::string& folded) {
    static const std::vector<const CatalogAgency*> none;
    auto it = names().find(folded);
    return it == names().end() ? none : it->second;
}

void add_unique(std::vector<std::string>& list, std::string s) {
    if (!s.empty() && std::find(list.begin(), list.end(), s) == list.end()) list.push_back(std::move(s));
}

// The id of `base` (a catalogue entry) completed with `province` when its kind takes one.
std::string id_of(const CatalogAgency& base, const std::string& province) {
    std::string id = base.kind == "collective" ? std::string(kCollective) + base.id : base.id;
    if (placed_kind(base.kind) && !province.empty()) id += "@" + province;
    return id;
}

}  // namespace

std::string AgencyId::str() const {
    std::string id = collective ? std::string(kCollective) + base : base;
    if (!province.empty()) id += "@" + province;
    return id;
}

AgencyId split_agency_id(std::string_view id) {
    AgencyId a;
    if (id.starts_with(kCollective)) {
        a.collective = true;
        id.remove_prefix(kCollective.size());
    }
    std::size_t at = id.find('@');
    a.base = std::string(id.substr(0, at));
    if (at != std::string_view::npos) a.province = std::string(id.substr(at + 1));
    return a;
}

const CatalogAgency* catalog_entry(std::string_view id) {
    static const std::unordered_map<std::string_view, const CatalogAgency*> by_id = [] {
        std::unordered_map<std::string_view, const CatalogAgency*> m;
        for (const auto& e : agency_catalog()) m.emplace(e.id, &e);
        return m;
    }();
    auto it = by_id.find(id);
    return it == by_id.end() ? nullptr : it->second;
}

bool placed_kind(std::string_view kind) { return kind == "local" || kind == "collective"; }

std::string place_of(std::string_view province_id) {
    const CatalogAgency* p = catalog_entry(province_id);
    if (!p || p->kind != "province") return "";
    return (p->scope.empty() ? "" : p->scope + " ") + p->name;
}

// The parser's naming of a local body (parser/src/agencies.cpp, local_name): the place after the
// name, without a unit word the template ends with; a Party committee's "Tỉnh ủy" becomes "Thành
// ủy" in a centrally governed city and takes the province's name directly.
std::string catalog_name(const AgencyId& id) {
    const CatalogAgency* e = catalog_entry(id.base);
    if (!e) return "";
    if (id.province.empty()) return e->name;
    const CatalogAgency* p = catalog_entry(id.province);
    if (!p || p->kind != "province") return "";
    std::string name = e->name;
    for (std::string_view unit : {" tỉnh", " Tỉnh", " thành phố", " Thành phố"}) {
        if (name.ends_with(unit)) name.resize(name.size() - unit.size());
    }
    if (std::size_t k = name.find("Tỉnh ủy"); k != std::string::npos) {
        if (p->scope == "thành phố") name.replace(k, std::string_view("Tỉnh ủy").size(), "Thành ủy");
        return name + " " + p->name;
    }
    return name + " " + (p->scope.empty() ? std::string("tỉnh") : p->scope) + " " + p->name;
}

/* The chain of successors. Invariant of both loops: `base` is a catalogue entry and `province` the
 * province the body belongs to (possibly carried through a successor that takes none); every id
 * pushed is a body that existed. The body's own chain comes first: ministries and provincial
 * departments merged on 01/3/2025, provinces on 01/7/2025. A cycle in the data cannot loop: each
 * chain is cut after 16 steps (tools/data/check_agencies.py refuses cycles anyway). */
std::vector<std::string> successors(std::string_view id) {
    std::vector<std::string> out;
    AgencyId a = split_agency_id(id);
    const CatalogAgency* base = catalog_entry(a.base);
    if (!base) return out;
    std::string province = a.province;
    if (!province.empty()) {
        const CatalogAgency* p = catalog_entry(province);
        if (!p || p->kind != "province") return out;
    }
    for (int step = 0; step < 16 && !base->successor.empty(); ++step) {
        const CatalogAgency* next = catalog_entry(base->successor);
        if (!next) break;
        // A body of no province (a regional Chi cục) cannot become one province's body.
        if (placed_kind(next->kind) && province.empty() && !placed_kind(base->kind)) break;
        base = next;
        // A body of no province between two of one (Cục Thuế tỉnh -> Chi cục Thuế khu vực -> Thuế
        // tỉnh) is a regional one, not this province's: it is passed through, not named.
        if (province.empty() || placed_kind(base->kind)) out.push_back(id_of(*base, province));
    }
    for (int step = 0; step < 16 && !province.empty(); ++step) {
        const CatalogAgency* p = catalog_entry(province);
        if (!p || p->successor.empty()) break;
        province = p->successor;
        if (placed_kind(base->kind)) out.push_back(id_of(*base, province));
    }
    return out;
}

std::string fold_query(std::string_view query) {
    std::string folded = fold_text(query);
    std::string out;
    out.reserve(folded.size());
    for (char c : folded) {
        bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == ',';
        if (space) {
            if (!out.empty() && out.back() != ' ') out += ' ';
        } else {
            out += c;
        }
    }
    while (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

std::vector<std::string> provinces_named(const std::string& folded) {
    std::vector<std::string> out;
    auto look = [&](const std::string& f) {
        for (const CatalogAgency* e : entries_named(f)) {
            if (e->kind == "province") add_unique(out, e->id);
        }
    };
    look(folded);
    for (std::string_view unit : {"tinh ", "thanh pho ", "tp. ", "tp.", "tp "}) {
        if (out.empty() && folded.starts_with(unit)) look(folded.substr(unit.size()));
    }
    return out;
}

/* A query is a name alone ("so y te") or a name and a place ("syt ha noi", "ubnd tinh dong thap"):
 * every split into words before / words after is tried, the place part against the provinces, the
 * name part against the catalogue (also with "tinh" after it: "thanh tra" + place is "Thanh tra
 * tỉnh"). Where a name fits bodies of several levels ("Công an": province, district, commune), a
 * place asks for the province's own body. */
NamedAgencies agencies_named(const std::string& folded) {
    NamedAgencies out;
    for (const CatalogAgency* e : entries_named(folded)) add_unique(out.bases, e->id);
    std::vector<std::size_t> spaces;
    for (std::size_t i = 0; i < folded.size(); ++i) {
        if (folded[i] == ' ') spaces.push_back(i);
    }
    for (std::size_t sp : spaces) {
        std::vector<std::string> provinces = provinces_named(folded.substr(sp + 1));
        if (provinces.empty()) continue;
        const std::string body = folded.substr(0, sp);
        std::vector<const CatalogAgency*> bodies;
        for (const std::string& name : {body, body + " tinh"}) {
            for (const CatalogAgency* e : entries_named(name)) {
                if (placed_kind(e->kind) && std::find(bodies.begin(), bodies.end(), e) == bodies.end()) bodies.push_back(e);
            }
        }
        auto own_level = [](const CatalogAgency* e) { return e->kind == "collective" || e->scope == "province"; };
        if (std::any_of(bodies.begin(), bodies.end(), own_level)) {
            std::erase_if(bodies, [&](const CatalogAgency* e) { return !own_level(e); });
        }
        for (const CatalogAgency* e : bodies) {
            for (const auto& p : provinces) add_unique(out.ids, id_of(*e, p));
        }
    }
    return out;
}

std::vector<std::string> name_forms(std::string_view query) {
    std::vector<std::string> forms;
    std::string raw = fold_text(query);
    // As before: the query folded, as it is (a document's issuer is folded the same way).
    while (!raw.empty() && raw.back() == ' ') raw.pop_back();
    while (!raw.empty() && raw.front() == ' ') raw.erase(raw.begin());
    add_unique(forms, raw);
    NamedAgencies named = agencies_named(fold_query(query));
    for (const auto& id : named.ids) add_unique(forms, fold_text(catalog_name(split_agency_id(id))));
    for (const auto& base : named.bases) {
        if (const CatalogAgency* e = catalog_entry(base)) add_unique(forms, fold_text(e->name));
    }
    return forms;
}

}  // namespace vanban::detail
