// Agency queries: the tasks of an agency (its own, those addressed to collectives that include it,
// those of the former bodies it took over) and the agencies with their task counts.
//
// Names are read as people type them (catalog.h: "SYT Hà Nội", "cong an ha noi"). Succession is the
// catalogue's successor column, followed when asked (catalog.h, successors), never stored: an index
// built before the catalogue learnt of a merger shows it without a re-import, and nothing on the
// search path pays for it. The agencies table is small (one row per body named in a task); the
// rows that can be former bodies are read once per call.
#include <sqlite3.h>

#include <algorithm>
#include <functional>
#include <map>
#include <set>
#include <unordered_map>

#include "catalog.h"
#include "rows.h"
#include "sqlite.h"
#include "vanban/index.h"
#include "vanban/parser.h"

namespace vanban {

using detail::AgencyId;
using detail::catalog_entry;
using detail::kRefColumns;
using detail::kTaskText;
using detail::ref_from;
using detail::split_agency_id;
using detail::ReadTransaction;
using detail::Stmt;
using detail::successors;

namespace {

// An agency as the queries read it: what it shows, and what decides its collectives.
struct AgencyMatch {
    Agency agency;
    std::string kind, scope, place_id;
};

constexpr const char* kAgencyColumns =
    "id, name, ifnull(place,''), base, kind, ifnull(scope,''), ifnull(place_id,'')";

AgencyMatch match_from(const Stmt& s, int first) {
    AgencyMatch m;
    m.agency.id = s.text(first);
    m.agency.name = s.text(first + 1);
    m.agency.place = s.text(first + 2);
    if (const auto* e = catalog_entry(s.text(first + 3))) m.agency.aliases = e->aliases;
    m.kind = s.text(first + 4);
    m.scope = s.text(first + 5);
    m.place_id = s.text(first + 6);
    return m;
}

// A catalogued body the index has no row for (a current body whose only tasks are its former
// bodies'), named as the parser would name it; nullopt when `id` is not a catalogued body.
std::optional<AgencyMatch> from_catalog(const std::string& id) {
    AgencyId a = split_agency_id(id);
    const CatalogAgency* e = catalog_entry(a.base);
    if (!e || a.collective != (e->kind == "collective")) return std::nullopt;
    if (!a.province.empty() && !detail::placed_kind(e->kind)) return std::nullopt;
    AgencyMatch m;
    m.agency.name = detail::catalog_name(a);
    if (m.agency.name.empty()) return std::nullopt;
    m.agency.id = id;
    m.agency.place = detail::place_of(a.province);
    m.agency.aliases = e->aliases;
    m.kind = e->kind;
    m.scope = e->scope;
    m.place_id = a.province;
    return m;
}

AgencyRef ref_of(const Agency& a) { return AgencyRef{a.id, a.name, a.place}; }

// The current body that does the work of a former one, or nullopt for a current body.
std::optional<AgencyRef> successor_of(const std::string& id) {
    std::vector<std::string> chain = successors(id);
    if (chain.empty()) return std::nullopt;
    AgencyId last = split_agency_id(chain.back());
    return AgencyRef{chain.back(), detail::catalog_name(last), detail::place_of(last.province)};
}

/* The former bodies in the index by each body that took over their work, directly or through
 * another (Sở Thông tin và Truyền thông tỉnh Phú Yên -> Sở Khoa học và Công nghệ tỉnh Phú Yên ->
 * Sở Khoa học và Công nghệ tỉnh Đắk Lắk: the first is a predecessor of both others). Read from the
 * rows whose catalogue body or province has a successor. */
class Succession {
public:
    explicit Succession(sqlite3* db) {
        static const std::vector<std::string> former = [] {
            std::vector<std::string> v;
            for (const auto& e : agency_catalog()) {
                if (!e.successor.empty()) v.push_back(e.id);
            }
            return v;
        }();
        if (former.empty()) return;
        std::string list;
        for (std::size_t i = 0; i < former.size(); ++i) list += (i ? ",?" : "?") + std::to_string(i + 1);
        Stmt s(db, std::string("SELECT ") + kAgencyColumns + " FROM agencies WHERE base IN (" + list +
                       ") OR place_id IN (" + list + ") ORDER BY place, name");
        for (std::size_t i = 0; i < former.size(); ++i) s.bind(static_cast<int>(i) + 1, former[i]);
        while (s.step()) {
            AgencyMatch m = match_from(s, 0);
            for (const auto& later : successors(m.agency.id)) predecessors_[later].push_back(m);
        }
    }

    /// The former bodies whose work `id` took over; empty for none.
    const std::vector<AgencyMatch>& predecessors(const std::string& id) const {
        static const std::vector<AgencyMatch> none;
        auto it = predecessors_.find(id);
        return it == predecessors_.end() ? none : it->second;
    }

    /// Every body that took over the work of a former body in the index, in id order.
    std::vector<std::string> successors_in_index() const {
        std::vector<std::string> out;
        for (const auto& [id, list] : predecessors_) out.push_back(id);
        std::sort(out.begin(), out.end());
        return out;
    }

private:
    std::unordered_map<std::string, std::vector<AgencyMatch>> predecessors_;
};

// The ids of the collectives that include an agency of this kind and scope, in catalogue order
// (CatalogAgency::members, from parser/data/collective_members.tsv): for a body of a placed kind,
// those of its own province, and none without a province.
std::vector<std::string> collectives_including(const std::string& kind, const std::string& scope,
                                               const std::string& place_id) {
    static const std::vector<const CatalogAgency*> collectives = [] {
        std::vector<const CatalogAgency*> v;
        for (const auto& e : agency_catalog()) {
            if (!e.members.empty()) v.push_back(&e);
        }
        return v;
    }();
    std::vector<std::string> out;
    bool placed = detail::placed_kind(kind);
    if (placed && place_id.empty()) return out;
    for (const CatalogAgency* c : collectives) {
        bool member = std::any_of(c->members.begin(), c->members.end(), [&](const CollectiveMember& m) {
            return m.kind == kind && (m.scope.empty() || m.scope == scope);
        });
        if (member) out.push_back("collective:" + c->id + (placed ? "@" + place_id : ""));
    }
    return out;
}

// The tasks of one agency under the options (role, deadline period, collectives, former bodies):
// its own first, then each former body's, then those addressed to its collectives and to its former
// bodies' collectives; newest document first within each. A task is listed once, for the first.
class AssignmentQuery {
public:
    AssignmentQuery(sqlite3* db, const AssignmentOptions& options)
        : options_(options),
          to_(options.to.empty() ? "" : options.to + "~"),  // "2022-04" covers the whole month
          tasks_(db, sql(options, to_)) {}

    AgencyAssignments of(AgencyMatch row, const std::vector<AgencyMatch>& predecessors) {
        struct Source {
            std::string id;
            bool via_collective;
            const AgencyMatch* former;
        };
        // Named first (itself, then its former bodies), collectives after: a task that names a body
        // and also "các sở, ngành" is that body's own.
        std::vector<Source> sources = {{row.agency.id, false, nullptr}};
        std::vector<const AgencyMatch*> formers;
        if (options_.include_former) {
            for (const auto& p : predecessors) formers.push_back(&p);
        }
        for (const AgencyMatch* p : formers) sources.push_back({p->agency.id, false, p});
        if (options_.include_collective) {
            auto add_collectives = [&](const AgencyMatch& m, const AgencyMatch* former) {
                for (auto& c : collectives_including(m.kind, m.scope, m.place_id)) sources.push_back({std::move(c), true, former});
            };
            add_collectives(row, nullptr);
            for (const AgencyMatch* p : formers) add_collectives(*p, p);
        }
        AgencyAssignments group;
        group.agency = std::move(row.agency);
        std::set<std::int64_t> seen;
        for (const auto& source : sources) {
            tasks_.bind(1, source.id);
            if (!options_.role.empty()) tasks_.bind(2, options_.role);
            if (!options_.from.empty()) tasks_.bind(3, options_.from);
            if (!to_.empty()) tasks_.bind(4, to_);
            while (tasks_.step()) {
                if (!seen.insert(tasks_.integer(6)).second) continue;
                Assignment a;
                a.document = ref_from(tasks_, 0);
                a.path = tasks_.text(7);
                a.text = tasks_.text(8);
                a.role = tasks_.text(9);
                a.via_collective = source.via_collective;
                if (a.via_collective) a.collective = tasks_.text(13);
                if (source.former) a.former = ref_of(source.former->agency);
                if (!tasks_.is_null(10)) a.deadline = Deadline{tasks_.text(10), tasks_.text(11), tasks_.text(12)};
                group.assignments.push_back(std::move(a));
            }
            tasks_.reset();
        }
        return group;
    }

private:
    static std::string sql(const AssignmentOptions& options, const std::string& to) {
        std::string where = " WHERE ta.agency_id = ?1";
        if (!options.role.empty()) where += " AND ta.role = ?2";
        if (!options.from.empty()) where += " AND t.deadline_to >= ?3";
        if (!to.empty()) where += " AND t.deadline_from <= ?4";
        return std::string("SELECT ") + kRefColumns + ", t.id, t.path, " + kTaskText +
               ", ta.role, t.deadline_text, ifnull(t.deadline_from,''), ifnull(t.deadline_to,''), a.name"
               " FROM task_agencies ta JOIN tasks t ON t.id = ta.task_id JOIN documents d ON d.id = t.document_id"
               " JOIN agencies a ON a.id = ta.agency_id" +
               where + " ORDER BY d.date DESC, d.id, t.id";
    }

    const AssignmentOptions& options_;
    std::string to_;
    Stmt tasks_;
};

// "?2,?3,..." for `n` values bound from `first` on.
std::string placeholders(std::size_t n, int first) {
    std::string out;
    for (std::size_t i = 0; i < n; ++i) out += (i ? ",?" : "?") + std::to_string(first + static_cast<int>(i));
    return out;
}

/* The agencies a query names, as listed: the rows it names, plus the current bodies the index knows
 * only through their former bodies: one the query names ("Bộ Khoa học và Công nghệ", "Sở Khoa học
 * và Công nghệ Đắk Lắk"), or every province's body of a kind the query names alone ("so khoa hoc va
 * cong nghe"), or, for a listing of everything (`everyone`), all of them. `keeps` says which places
 * are asked for. With the former bodies' tasks folded into their successors (`fold_former`), a
 * former body whose successor is listed is left out: its tasks are there, marked. Every match says
 * what it became and what it took over. Ordered by place, then name. */
std::vector<AgencyMatch> complete(std::vector<AgencyMatch> rows, const detail::NamedAgencies& named,
                                  const Succession& succession, bool fold_former, bool everyone,
                                  const std::function<bool(const AgencyMatch&)>& keeps) {
    std::erase_if(rows, [&](const AgencyMatch& m) { return !keeps(m); });
    std::set<std::string> listed;
    for (const auto& r : rows) listed.insert(r.agency.id);
    if (fold_former) {
        auto add = [&](const std::string& id) {
            if (listed.count(id) || succession.predecessors(id).empty()) return;
            if (auto m = from_catalog(id); m && keeps(*m)) {
                rows.push_back(std::move(*m));
                listed.insert(id);
            }
        };
        for (const auto& id : named.ids) add(id);
        for (const auto& id : succession.successors_in_index()) {
            const std::string base = split_agency_id(id).base;
            if (everyone || std::find(named.bases.begin(), named.bases.end(), base) != named.bases.end()) add(id);
        }
    }
    std::vector<AgencyMatch> out;
    for (auto& r : rows) {
        std::vector<std::string> chain = successors(r.agency.id);
        if (fold_former && std::any_of(chain.begin(), chain.end(), [&](const auto& id) { return listed.count(id) > 0; })) {
            continue;
        }
        r.agency.successor = successor_of(r.agency.id);
        for (const auto& p : succession.predecessors(r.agency.id)) r.agency.predecessors.push_back(ref_of(p.agency));
        out.push_back(std::move(r));
    }
    std::stable_sort(out.begin(), out.end(), [](const AgencyMatch& a, const AgencyMatch& b) {
        return std::tie(a.agency.place, a.agency.name) < std::tie(b.agency.place, b.agency.name);
    });
    return out;
}

// Whether an agency is of the place an option names: a province by name or alias ("HN", "TP.HCM"),
// else any place whose name contains the words.
class PlaceFilter {
public:
    explicit PlaceFilter(std::string_view place)
        : folded_(detail::fold_query(place)), provinces_(detail::provinces_named(folded_)) {}

    bool keeps(const AgencyMatch& m) const {
        if (folded_.empty()) return true;
        if (!provinces_.empty()) return std::find(provinces_.begin(), provinces_.end(), m.place_id) != provinces_.end();
        return detail::fold_query(m.agency.place).find(folded_) != std::string::npos;
    }

private:
    std::string folded_;
    std::vector<std::string> provinces_;
};

}  // namespace

AssignmentResult Index::assignments(std::string_view query, const AssignmentOptions& options) const {
    ReadTransaction snapshot(static_cast<sqlite3*>(handle()));  // one snapshot for all its statements
    options.validate();
    AssignmentResult result;
    result.query = std::string(query);
    const std::string folded = detail::fold_query(query);
    if (folded.empty()) throw QueryError("no agency given: type a name, such as \"so y te\"");
    const detail::NamedAgencies named = detail::agencies_named(folded);
    sqlite3* db = static_cast<sqlite3*>(handle());
    // Agencies in the index: the bodies the catalogue reading names (every province's for a name
    // alone, one place's for a name and a place), any by its full canonical name; failing those, by
    // part of the name.
    std::string exact = std::string("SELECT ") + kAgencyColumns + " FROM agencies WHERE name_folded = ?1";
    const int first_base = 2, first_id = first_base + static_cast<int>(named.bases.size());
    if (!named.bases.empty()) exact += " OR base IN (" + placeholders(named.bases.size(), first_base) + ")";
    if (!named.ids.empty()) exact += " OR id IN (" + placeholders(named.ids.size(), first_id) + ")";
    exact += " ORDER BY place, name";
    const std::string partial = std::string("SELECT ") + kAgencyColumns +
                                " FROM agencies WHERE ' ' || name_folded || ' ' LIKE '% ' || ?1 || ' %'"
                                " ORDER BY place, name";
    auto matching = [&](const std::string& sql, bool with_names) {
        std::vector<AgencyMatch> rows;
        Stmt s(db, sql);
        s.bind(1, folded);
        if (with_names) {
            for (std::size_t i = 0; i < named.bases.size(); ++i) s.bind(first_base + static_cast<int>(i), named.bases[i]);
            for (std::size_t i = 0; i < named.ids.size(); ++i) s.bind(first_id + static_cast<int>(i), named.ids[i]);
        }
        while (s.step()) rows.push_back(match_from(s, 0));
        return rows;
    };
    const Succession succession(db);
    const PlaceFilter place(options.place);
    auto keeps = [&](const AgencyMatch& m) { return place.keeps(m); };
    auto groups = complete(matching(exact, true), named, succession, options.include_former, false, keeps);
    if (groups.empty()) groups = complete(matching(partial, false), {}, succession, options.include_former, false, keeps);
    AssignmentQuery tasks(db, options);
    for (auto& row : groups) {
        const auto& predecessors = succession.predecessors(row.agency.id);
        result.agencies.push_back(tasks.of(std::move(row), predecessors));
    }
    return result;
}

std::optional<AgencyAssignments> Index::agency_assignments(std::string_view agency_id,
                                                           const AssignmentOptions& options) const {
    options.validate();
    ReadTransaction snapshot(static_cast<sqlite3*>(handle()));  // one snapshot for all its statements
    sqlite3* db = static_cast<sqlite3*>(handle());
    const Succession succession(db);
    const std::string id(agency_id);
    std::optional<AgencyMatch> row;
    {
        Stmt s(db, std::string("SELECT ") + kAgencyColumns + " FROM agencies WHERE id = ?1");
        s.bind(1, id);
        if (s.step()) row = match_from(s, 0);
    }
    // A current body the index knows only through the bodies it took over.
    if (!row && !succession.predecessors(id).empty()) row = from_catalog(id);
    if (!row) return std::nullopt;
    row->agency.successor = successor_of(id);
    const auto& predecessors = succession.predecessors(id);
    for (const auto& p : predecessors) row->agency.predecessors.push_back(ref_of(p.agency));
    AssignmentQuery tasks(db, options);
    return tasks.of(std::move(*row), predecessors);
}

std::vector<AgencyCount> Index::agencies(std::string_view query) const {
    ReadTransaction snapshot(static_cast<sqlite3*>(handle()));  // one snapshot for all its statements
    sqlite3* db = static_cast<sqlite3*>(handle());
    const std::string folded = detail::fold_query(query);
    const detail::NamedAgencies named = folded.empty() ? detail::NamedAgencies{} : detail::agencies_named(folded);
    const int first_base = 2, first_id = first_base + static_cast<int>(named.bases.size());
    std::string filter;
    if (!folded.empty()) {
        filter = " WHERE (a.name_folded = ?1 OR ' ' || a.name_folded || ' ' LIKE '% ' || ?1 || ' %'";
        if (!named.bases.empty()) filter += " OR a.base IN (" + placeholders(named.bases.size(), first_base) + ")";
        if (!named.ids.empty()) filter += " OR a.id IN (" + placeholders(named.ids.size(), first_id) + ")";
        filter += ")";
    }
    struct Counts {
        std::int64_t lead = 0, support = 0, requested = 0;
    };
    const std::string counts_sql = "SELECT a.id, a.name, ifnull(a.place,''), a.base, a.kind, ifnull(a.scope,''),"
                                   " ifnull(a.place_id,''), sum(ta.role = 'lead'), sum(ta.role = 'support'),"
                                   " sum(ta.role = 'requested') FROM agencies a JOIN task_agencies ta ON ta.agency_id = a.id";
    std::vector<AgencyMatch> rows;
    std::map<std::string, Counts> counts;
    {
        Stmt s(db, counts_sql + filter + " GROUP BY a.id ORDER BY a.place, a.name");
        if (!folded.empty()) {
            s.bind(1, folded);
            for (std::size_t i = 0; i < named.bases.size(); ++i) s.bind(first_base + static_cast<int>(i), named.bases[i]);
            for (std::size_t i = 0; i < named.ids.size(); ++i) s.bind(first_id + static_cast<int>(i), named.ids[i]);
        }
        while (s.step()) {
            rows.push_back(match_from(s, 0));
            counts[rows.back().agency.id] = Counts{s.integer(7), s.integer(8), s.integer(9)};
        }
    }
    const Succession succession(db);
    // Without a query every current body with former bodies in the index is listed.
    auto list = complete(std::move(rows), named, succession, true, folded.empty(), [](const AgencyMatch&) { return true; });
    // The counts of the former bodies not read above.
    std::vector<std::string> missing;
    for (const auto& m : list) {
        for (const auto& p : succession.predecessors(m.agency.id)) {
            if (!counts.count(p.agency.id)) missing.push_back(p.agency.id);
        }
    }
    std::sort(missing.begin(), missing.end());
    missing.erase(std::unique(missing.begin(), missing.end()), missing.end());
    for (std::size_t at = 0; at < missing.size(); at += 500) {
        const std::size_t n = std::min<std::size_t>(500, missing.size() - at);
        Stmt s(db, counts_sql + " WHERE a.id IN (" + placeholders(n, 1) + ") GROUP BY a.id");
        for (std::size_t i = 0; i < n; ++i) s.bind(static_cast<int>(i) + 1, missing[at + i]);
        while (s.step()) counts[s.text(0)] = Counts{s.integer(7), s.integer(8), s.integer(9)};
    }
    std::vector<AgencyCount> out;
    for (auto& m : list) {
        AgencyCount c;
        const Counts own = counts.count(m.agency.id) ? counts[m.agency.id] : Counts{};
        c.lead = own.lead, c.support = own.support, c.requested = own.requested;
        for (const auto& p : succession.predecessors(m.agency.id)) {
            const Counts& f = counts[p.agency.id];
            c.lead += f.lead, c.support += f.support, c.requested += f.requested;
            c.inherited += f.lead + f.support + f.requested;
        }
        if (c.lead + c.support + c.requested == 0) continue;
        c.agency = std::move(m.agency);
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const AgencyCount& a, const AgencyCount& b) {
        const std::int64_t ta = a.lead + a.support + a.requested, tb = b.lead + b.support + b.requested;
        return ta != tb ? ta > tb : a.agency.name < b.agency.name;
    });
    return out;
}

}  // namespace vanban
