// The index's reads: number look-up, search, lists, a document's references and detail, the
// citation graph (index_impl.h).
#include <unicode/utf16.h>
#include <unicode/utf8.h>

#include <Poco/Exception.h>

#include <algorithm>
#include <cctype>
#include <array>
#include <functional>
#include <map>
#include <set>
#include <tuple>
#include <unordered_set>

#include "index_impl.h"
#include "words.h"
#include "vanban/akn.h"

namespace vanban {

namespace {

// UTF-16 length of UTF-8 text (JavaScript string indexes); an invalid byte counts as one U+FFFD.
int utf16_length(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0, size = static_cast<int32_t>(s.size());
    int n = 0;
    while (i < size) {
        UChar32 c;
        U8_NEXT_OR_FFFD(p, i, size, c);
        n += U16_LENGTH(c);
    }
    return n;
}

// A snippet with its matches between \x01 and \x02 -> the plain snippet and UTF-16 highlight ranges.
void split_highlights(const std::string& raw, SearchHit& h) {
    std::string plain;
    int open = -1;
    for (char c : raw) {
        if (c == '\x01') {
            open = utf16_length(plain);
        } else if (c == '\x02') {
            if (open >= 0) h.highlights.emplace_back(open, utf16_length(plain));
            open = -1;
        } else {
            plain += c;
        }
    }
    h.snippet = std::move(plain);
}

// The parser's name of the document type a filter asks for: a name ("Kế hoạch", "ke hoach") or a
// number's type code ("KH", "QĐ"), from vanban::document_types(). Throws QueryError for anything else.
std::string canonical_type(std::string_view type) {
    const std::string folded = detail::fold_query(type);
    std::string code;
    for (char c : folded) {
        if (c >= 'a' && c <= 'z') code += static_cast<char>(c - 'a' + 'A');
        else if (c != ' ' && c != '.') code += c;
    }
    for (const auto& t : document_types()) {
        if (detail::fold_query(t.name) == folded) return t.name;
    }
    for (const auto& t : document_types()) {
        if (std::find(t.codes.begin(), t.codes.end(), code) != t.codes.end()) return t.name;
    }
    std::string some;
    for (const char* name : {"Kế hoạch", "Quyết định", "Công văn"}) some += (some.empty() ? "" : ", ") + std::string(name);
    throw QueryError("unknown document type '" + std::string(type) + "' (expected a type such as " + some +
                     ", with or without diacritics, or a number's type code such as KH or QĐ)");
}

// A name filter's needles for vi_fold_has: the query folded and the canonical names of the bodies it
// names ("UBND Hà Nội" -> "uy ban nhan dan thanh pho ha noi"), separated by \x1f.
std::string name_needles(std::string_view issuer) {
    std::string out;
    for (const auto& form : detail::name_forms(issuer)) {
        if (form.find('\x1f') != std::string::npos) continue;
        out += (out.empty() ? "" : "\x1f") + form;
    }
    return out;
}

}  // namespace

std::vector<DocumentRef> Index::lookup(std::string_view number) const {
    ReadTransaction snapshot(impl_->db);  // one snapshot for all its statements
    std::string compact = detail::number_compact(number);
    if (compact.empty()) return {};
    Stmt s(impl_->db, std::string("SELECT ") + kRefColumns + " FROM documents d WHERE d.number_compact = ?1 ORDER BY d.date DESC");
    s.bind(1, compact);
    // The widest match (the same letters and digits in any order and spacing: "kh-ubnd 134") is
    // narrowed to the documents whose number is the one typed (case and diacritics aside), else to
    // those with its key (leading zeros, spaces, dash variants aside: "0134/KH-UBND" for
    // "134/KH-UBND"), so that 134/KH-UBND opens 134/KH-UBND even where 0134/KH-UBND exists.
    std::vector<DocumentRef> exact, keyed, wide;
    std::string_view t = number;
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.front()))) t.remove_prefix(1);
    while (!t.empty() && std::isspace(static_cast<unsigned char>(t.back()))) t.remove_suffix(1);
    const std::string typed = fold_text(t), key = number_key(t);
    while (s.step()) {
        DocumentRef d = ref_from(s, 0);
        if (fold_text(d.number) == typed) exact.push_back(d);
        else if (number_key(d.number) == key) keyed.push_back(d);
        wide.push_back(std::move(d));
    }
    return !exact.empty() ? exact : !keyed.empty() ? keyed : wide;
}

std::optional<CitedOnly> Index::cited_only(std::string_view number) const {
    ReadTransaction snapshot(impl_->db);  // one snapshot for all its statements
    if (!lookup(number).empty()) return std::nullopt;
    const std::string key = number_key(number);
    if (key.empty()) return std::nullopt;
    Stmt s(impl_->db, std::string("SELECT ") + kRefColumns + ", ifnull(c.number,''), ifnull(c.type,''), ifnull(c.date,''),"
                                                             " ifnull(c.issuer,''), c.relation, ifnull(c.provision,'')"
                                                             " FROM citations c JOIN documents d ON d.id = c.document_id"
                                                             " WHERE c.number_key = ?1 ORDER BY d.date DESC, d.id, c.start");
    s.bind(1, key);
    CitedOnly out;
    out.number_key = key;
    // The form most citations give of each field ("38/NQ-CP", "Nghị quyết", "2022-03-17", "Chính phủ").
    std::map<std::string, int> numbers, types, dates, issuers;
    while (s.step()) {
        CitedOnly::Citing c{ref_from(s, 0), s.text(10), s.text(11)};
        for (auto [col, counts] : {std::pair{6, &numbers}, {7, &types}, {8, &dates}, {9, &issuers}}) {
            if (std::string v = s.text(col); !v.empty()) ++(*counts)[v];
        }
        // One row per citing document and relation: a document citing it five times in one way is one entry.
        bool seen = false;
        for (const auto& e : out.cited_by) seen |= e.document.id == c.document.id && e.relation == c.relation;
        if (!seen) out.cited_by.push_back(std::move(c));
    }
    if (out.cited_by.empty()) return std::nullopt;
    auto most = [](const std::map<std::string, int>& counts) {
        std::string best;
        int n = 0;
        for (const auto& [v, k] : counts) {
            if (k > n) best = v, n = k;
        }
        return best;
    };
    out.number = most(numbers);
    out.type = most(types);
    out.date = most(dates);
    out.issuer = most(issuers);
    return out;
}

std::vector<std::pair<std::int64_t, double>> Index::Impl::rerank(std::vector<std::pair<std::int64_t, double>> rows, const std::string& expr,
                                                                 const std::string& named_type, detail::RankContext& context, double boost) {
    // Documents of the type the query names come first ("công điện": the Công điện, then the rest),
    // even those the bm25 window left out.
    std::vector<std::pair<std::int64_t, double>> typed;
    std::unordered_set<std::int64_t> typed_ids;
    if (!named_type.empty()) {
        Stmt& s = cached("WITH m AS (SELECT rowid AS id, vi_bm25(documents_fts, 10.0, 1.0, ?4) AS score FROM documents_fts"
                         " WHERE documents_fts MATCH ?1) SELECT m.id, m.score FROM m JOIN documents d ON d.id = m.id"
                         " WHERE vi_fold(d.type) = ?2 ORDER BY m.score LIMIT ?3");
        ResetOnExit s_reset(s);
        s.bind(1, expr).bind(2, fold_text(named_type)).bind(3, static_cast<std::int64_t>(Impl::kRerankMax));
        sqlite3_bind_pointer(s.get(), 4, &context, detail::kRankContextType, nullptr);
        while (s.step()) {
            typed.emplace_back(s.integer(0), -s.real(1));
            typed_ids.insert(s.integer(0));
        }
    }
    std::vector<std::pair<std::int64_t, double>> rest;
    for (auto& r : rows) {
        if (!typed_ids.count(r.first)) rest.push_back(r);
    }
    auto by_score = [](const auto& a, const auto& b) { return a.second > b.second || (a.second == b.second && a.first < b.first); };
    if (boost > 0) {
        for (auto& t : typed) t.second *= boost;
        typed.insert(typed.end(), rest.begin(), rest.end());
        std::stable_sort(typed.begin(), typed.end(), by_score);
        return typed;
    }
    std::stable_sort(typed.begin(), typed.end(), by_score);
    std::stable_sort(rest.begin(), rest.end(), by_score);
    typed.insert(typed.end(), rest.begin(), rest.end());
    return typed;
}

std::string Index::Impl::restore_diacritics(std::string_view query) const {
    try {
        Stmt& s = cached("SELECT form, documents FROM word_model WHERE folded = ?1");
        return detail::restore_diacritics(query, [&](const std::string& folded) {
            ResetOnExit reset(s);
            s.bind(1, folded);
            std::vector<std::pair<std::string, std::int64_t>> forms;
            while (s.step()) forms.emplace_back(s.text(0), s.integer(1));
            return forms;
        });
    } catch (const IndexError&) {
        return std::string(query);  // a database without the model (read-only, older): as typed
    }
}

SearchResult Index::search(std::string_view query, const SearchOptions& options) const {
    ReadTransaction snapshot(impl_->db);  // one snapshot for all its statements
    options.validate();
    SearchResult result;
    if (detail::looks_like_number(query)) {
        result.candidates = lookup(query);
        if (!result.candidates.empty()) {
            result.total = static_cast<std::int64_t>(result.candidates.size());
            return result;
        }
    }
    // Ranked as if typed with the most likely diacritics, matching every form still (words.h).
    std::vector<int> words;
    const std::string ranked_as = impl_->restore_diacritics(query);
    std::string expr = detail::to_fts5(ranked_as, &words);
    if (ranked_as != query) result.ranked_as = ranked_as;
    const std::optional<detail::TypedNumber> typed = detail::typed_number(query);
    const std::string type_key = options.type.empty() ? "" : fold_text(canonical_type(options.type));
    const std::string issuer_needles = options.issuer.empty() ? "" : name_needles(options.issuer);
    bool in_tasks = options.in == "tasks";
    if (options.in == "title") expr = "{title} : (" + expr + ")";
    else if (options.in == "text") expr = "{text} : (" + expr + ")";
    std::vector<std::string> raw_snippets;
    const bool filtered = !options.type.empty() || !options.issuer.empty() || !options.from.empty() ||
                          !options.to.empty() || !options.agency.empty();
    try {
        if (!in_tasks && !filtered) {
            // No filter: ranked by vi_bm25 (bm25 with the title weighted 10x, computed faster:
            // rank.cpp), whose ORDER BY ... LIMIT keeps only the page in the sorter. The total comes
            // from the same pass: vi_bm25 counts the rows it scores into the rank context (bound as a
            // pointer), which also carries the IDFs kept per expression and the row lengths.
            // These statements are the same for every query: prepared once per connection.
            static const std::string ref_by_id = std::string("SELECT ") + kRefColumns + " FROM documents d WHERE d.id = ?1";
            Stmt& page = impl_->cached("SELECT rowid, vi_bm25(documents_fts, 10.0, 1.0, ?4) AS score FROM documents_fts"
                                       " WHERE documents_fts MATCH ?1 ORDER BY score LIMIT ?2 OFFSET ?3");
            detail::RankContext matches;
            const std::int64_t gen = generation();
            matches.idf = &impl_->idf_for(expr, gen);
            matches.lengths = &impl_->lengths_for(gen);
            if (options.in.empty()) {
                matches.words = &words;
                matches.adjacent = Impl::kAdjacentWeight;
                matches.in_title = Impl::kTitleWordsWeight;
                matches.together = Impl::kTogetherWeight;
            }
            // A type the query names puts its documents first (docs/ARCHITECTURE.md, Queries): the first
            // offset + limit + kRerankMargin rows by score are re-ranked with them, so pages within it are
            // exact. (A type and a number name one document: its type says nothing of the documents
            // citing it.)
            const std::string named_type = options.in.empty() && !typed ? detail::type_in_query(query) : "";
            const bool rerank = !named_type.empty();
            const std::int64_t limit = std::clamp(options.limit, 1, 100), offset = std::max(options.offset, 0);
            ResetOnExit page_reset(page);
            page.bind(1, expr).bind(2, rerank ? std::min<std::int64_t>(offset + limit + Impl::kRerankMargin, Impl::kRerankMax) : limit);
            page.bind(3, rerank ? 0 : offset);
            sqlite3_bind_pointer(page.get(), 4, &matches, detail::kRankContextType, nullptr);
            std::vector<std::pair<std::int64_t, double>> rows;
            while (page.step()) rows.emplace_back(page.integer(0), -page.real(1));
            result.total = matches.rows;
            if (rerank) {
                detail::RankContext again = matches;  // the same bonus, its own row count
                again.rows = 0;
                again.last_rowid = INT64_MIN;
                // The type alone ("công điện") lists its documents first. Typed with other words, its
                // documents' scores are multiplied by kTypeWeight: "kế hoạch chuyển đổi số" puts the
                // plans about it first, while a type's name inside a name or a verb ("triển khai Nghị
                // quyết 38 ...", "luật thi đua khen thưởng" with that law not imported, "quy định luật
                // dân số") does not bury the one document that answers.
                const bool type_alone = detail::folded_words(query) == detail::folded_words(named_type);
                rows = impl_->rerank(std::move(rows), expr, named_type, again,
                                     type_alone ? 0.0 : Impl::kTypeWeight);
                rows.erase(rows.begin(), rows.begin() + std::min<std::size_t>(rows.size(), static_cast<std::size_t>(offset)));
                if (rows.size() > static_cast<std::size_t>(limit)) rows.resize(static_cast<std::size_t>(limit));
            }
            Stmt& ref = impl_->cached(ref_by_id);
            ResetOnExit ref_reset(ref);
            for (const auto& [id, score] : rows) {
                SearchHit h;
                ref.bind(1, id);
                if (ref.step()) h.document = ref_from(ref, 0);
                ref.reset();
                h.score = score;
                result.results.push_back(std::move(h));
            }
        } else {
            // Filters or tasks: the MATCH runs first, in a CTE; filters and the join come after it.
            std::string where = " WHERE 1";
            if (!options.type.empty()) where += " AND vi_fold(d.type) = ?4";
            if (!options.issuer.empty()) where += " AND vi_fold_has(d.issuer, ?5)";
            if (!options.from.empty()) where += " AND d.date >= ?6";
            if (!options.to.empty()) where += " AND d.date <= ?7";
            if (!options.agency.empty()) {
                where += " AND d.id IN (SELECT t.document_id FROM tasks t JOIN task_agencies ta ON ta.task_id = t.id"
                         " JOIN agencies a ON a.id = ta.agency_id WHERE vi_fold_has(a.name_folded, ?8))";
            }
            std::string sql =
                in_tasks ? "WITH m AS (SELECT rowid AS tid, vi_bm25(tasks_fts) AS score FROM tasks_fts WHERE tasks_fts MATCH ?1),"
                           " b AS (SELECT t.document_id AS id, m.score AS score, t.id AS tid, t.path AS path,"
                           " row_number() OVER (PARTITION BY t.document_id ORDER BY m.score) AS rn FROM m JOIN tasks t"
                           " ON t.id = m.tid) SELECT " +
                               std::string(kRefColumns) +
                               ", b.score, count(*) OVER (), b.tid, b.path FROM b JOIN documents d ON d.id = b.id" + where +
                               " AND b.rn = 1 ORDER BY b.score LIMIT ?2 OFFSET ?3"
                         : "WITH m AS (SELECT rowid AS id, vi_bm25(documents_fts, 10.0, 1.0, ?9) AS score FROM documents_fts"
                           " WHERE documents_fts MATCH ?1) SELECT " +
                               std::string(kRefColumns) +
                               ", m.score, count(*) OVER (), NULL, NULL FROM m JOIN documents d ON d.id = m.id" + where +
                               " ORDER BY m.score LIMIT ?2 OFFSET ?3";
            Stmt s(impl_->db, sql);
            s.bind(1, expr).bind(2, static_cast<std::int64_t>(std::clamp(options.limit, 1, 100)));
            s.bind(3, static_cast<std::int64_t>(std::max(options.offset, 0)));
            if (!options.type.empty()) s.bind(4, type_key);
            if (!options.issuer.empty()) s.bind(5, issuer_needles);
            if (!options.from.empty()) s.bind(6, options.from);
            if (!options.to.empty()) s.bind(7, options.to + "~");  // "2022-04" covers the whole month
            if (!options.agency.empty()) s.bind(8, name_needles(options.agency));
            // The same ranking as without filters: the words' places, the IDFs and lengths kept.
            detail::RankContext ranked;
            if (!in_tasks) {
                const std::int64_t gen = generation();
                ranked.idf = &impl_->idf_for(expr, gen);
                ranked.lengths = &impl_->lengths_for(gen);
                if (options.in.empty()) {
                    ranked.words = &words;
                    ranked.adjacent = Impl::kAdjacentWeight;
                    ranked.in_title = Impl::kTitleWordsWeight;
                    ranked.together = Impl::kTogetherWeight;
                }
                sqlite3_bind_pointer(s.get(), 9, &ranked, detail::kRankContextType, nullptr);
            }
            std::vector<std::int64_t> task_ids;
            while (s.step()) {
                SearchHit h;
                h.document = ref_from(s, 0);
                h.score = -s.real(6);
                result.total = s.integer(7);
                if (in_tasks) {
                    task_ids.push_back(s.integer(8));
                    h.section_path = s.text(9);
                }
                result.results.push_back(std::move(h));
            }
            if (in_tasks) {
                Stmt& snip = impl_->cached("SELECT vi_snippet(tasks_fts, 0, char(1), char(2), '…', 24) FROM tasks_fts"
                                           " WHERE tasks_fts MATCH ?1 AND rowid = ?2");
                ResetOnExit snip_reset(snip);
                for (std::size_t i = 0; i < result.results.size(); ++i) {
                    snip.bind(1, expr).bind(2, task_ids[i]);
                    if (snip.step()) split_highlights(snip.text(0), result.results[i]);
                    snip.reset();
                }
                return result;
            }
        }
        // Snippets for the page only, each with the offset of its first match (for its section).
        Stmt& snip = impl_->cached("SELECT vi_snippet(documents_fts, 1, char(1), char(2), '…', 24, 1) FROM documents_fts"
                                   " WHERE documents_fts MATCH ?1 AND rowid = ?2");
        ResetOnExit snip_reset(snip);
        for (const auto& h : result.results) {
            snip.bind(1, expr).bind(2, h.document.id);
            raw_snippets.push_back(snip.step() ? snip.text(0) : std::string());
            snip.reset();
        }
    } catch (const IndexError& e) {
        throw QueryError(std::string("the query could not be run: ") + e.what());
    }
    impl_->finish_hits(result, raw_snippets);
    // A type and a number ("nghị quyết 38", "cd 217", "luat 51") is a number look-up first and a text
    // search second: the documents of that type whose number begins so come before the text's results
    // (which are mostly the documents that cite them), newest first.
    if (!filtered && options.in.empty() && options.offset <= 0) {
        if (const auto& tn = typed) {
            Stmt& s = impl_->cached(std::string("SELECT ") + kRefColumns + " FROM documents d WHERE d.number_key >= ?1 AND"
                                    " d.number_key < ?2 AND vi_fold(d.type) = ?3 ORDER BY d.date DESC, d.id LIMIT 20");
            ResetOnExit s_reset(s);
            s.bind(1, tn->head + "/").bind(2, tn->head + "0").bind(3, fold_text(tn->type));
            std::vector<SearchHit> first;
            while (s.step()) {
                SearchHit h;
                h.document = ref_from(s, 0);
                h.score = (result.results.empty() ? 0.0 : result.results.front().score) + 1.0;
                first.push_back(std::move(h));
            }
            if (first.empty()) {
                // Not in the index ("nghị quyết 38" before 38/NQ-CP is imported): the documents citing a
                // number of that type that begins so come first, in the text's order, then the rest.
                Stmt& c = impl_->cached("SELECT DISTINCT c.document_id FROM citations c WHERE c.number_key >= ?1 AND"
                                        " c.number_key < ?2 AND vi_fold(c.type) = ?3");
                ResetOnExit c_reset(c);
                c.bind(1, tn->head + "/").bind(2, tn->head + "0").bind(3, fold_text(tn->type));
                std::unordered_set<std::int64_t> citing;
                while (c.step()) citing.insert(c.integer(0));
                std::stable_partition(result.results.begin(), result.results.end(),
                                      [&](const SearchHit& h) { return citing.count(h.document.id) > 0; });
            }
            for (const auto& f : first) {
                auto same = [&](const SearchHit& h) { return h.document.id == f.document.id; };
                if (std::erase_if(result.results, same) == 0) ++result.total;
            }
            result.results.insert(result.results.begin(), first.begin(), first.end());
            if (result.results.size() > static_cast<std::size_t>(std::clamp(options.limit, 1, 100))) {
                result.results.resize(static_cast<std::size_t>(std::clamp(options.limit, 1, 100)));
            }
        }
    }
    return result;
}

void Index::Impl::finish_hits(SearchResult& result, const std::vector<std::string>& raw_snippets) const {
    // Each snippet starts with the byte offset of its first match ("1234\x03..."; vi_snippet's
    // with_offset). Walking back from that offset along sections_position, the first section that
    // has not ended is the deepest one around it: the hit's section.
    Stmt& section = cached("SELECT path FROM sections WHERE document_id = ?1 AND start <= ?2 AND end > ?2"
                           " ORDER BY start DESC LIMIT 1");
    ResetOnExit section_reset(section);
    for (std::size_t i = 0; i < result.results.size(); ++i) {
        SearchHit& h = result.results[i];
        std::string_view raw = raw_snippets[i];
        std::int64_t offset = -1;
        if (std::size_t mark = raw.find('\x03'); mark != std::string_view::npos) {
            std::string digits(raw.substr(0, mark));
            if (!digits.empty() && digits != "-1") offset = std::stoll(digits);
            raw.remove_prefix(mark + 1);
        }
        split_highlights(std::string(raw), h);
        if (offset < 0) continue;
        section.bind(1, h.document.id).bind(2, offset);
        if (section.step()) h.section_path = section.text(0);
        section.reset();
    }
}

DocumentList Index::list(const ListOptions& options) const {
    ReadTransaction snapshot(impl_->db);  // one snapshot for all its statements
    options.validate();
    std::string where = " WHERE 1";
    const std::string type_key = options.type.empty() ? "" : fold_text(canonical_type(options.type));
    const std::string issuer_needles = options.issuer.empty() ? "" : name_needles(options.issuer);
    if (!options.type.empty()) where += " AND vi_fold(d.type) = ?3";
    if (!options.issuer.empty()) where += " AND vi_fold_has(d.issuer, ?4)";
    if (!options.from.empty()) where += " AND d.date >= ?5";
    if (!options.to.empty()) where += " AND d.date <= ?6";
    auto bind = [&](Stmt& s) {
        if (!options.type.empty()) s.bind(3, type_key);
        if (!options.issuer.empty()) s.bind(4, issuer_needles);
        if (!options.from.empty()) s.bind(5, options.from);
        if (!options.to.empty()) s.bind(6, options.to + "~");  // "2022-04" covers the whole month
    };
    DocumentList out;
    Stmt count(impl_->db, "SELECT count(*) FROM documents d" + where);
    bind(count);
    if (count.step()) out.total = count.integer(0);
    Stmt page(impl_->db, std::string("SELECT ") + kRefColumns + " FROM documents d" + where +
                             " ORDER BY d.date IS NULL, d.date DESC, d.id DESC LIMIT ?1 OFFSET ?2");
    page.bind(1, static_cast<std::int64_t>(std::clamp(options.limit, 1, 100)));
    page.bind(2, static_cast<std::int64_t>(std::max(options.offset, 0)));
    bind(page);
    while (page.step()) out.documents.push_back(ref_from(page, 0));
    return out;
}

std::optional<DocumentRef> Index::document(std::int64_t id) const {
    Stmt s(impl_->db, std::string("SELECT ") + kRefColumns + " FROM documents d WHERE d.id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    return ref_from(s, 0);
}

References Index::references(std::int64_t id) const {
    ReadTransaction snapshot(impl_->db);  // one snapshot for all its statements
    References r;
    auto doc = document(id);
    if (!doc) throw NotFound("no document with id " + std::to_string(id));
    r.document = *doc;
    Stmt cites(impl_->db, std::string("SELECT c.number, c.number_key, c.relation, ifnull(c.date,''), c.target_id, ") +
                              kRefColumns + " FROM citations c LEFT JOIN documents d ON d.id = c.target_id"
                              " WHERE c.document_id = ?1 ORDER BY c.start");
    cites.bind(1, id);
    // One entry per cited number and relation (a plan names what it implements in its title and again
    // in its opening), in the order of first mention.
    std::set<std::pair<std::string, std::string>> listed;
    while (cites.step()) {
        if (!listed.emplace(cites.text(1).empty() ? cites.text(0) : cites.text(1), cites.text(2)).second) continue;
        Citation c;
        c.number = cites.text(0);
        c.number_key = cites.text(1);
        c.relation = cites.text(2);
        c.date = cites.text(3);
        if (!cites.is_null(4)) c.resolved = ref_from(cites, 5);
        r.cites.push_back(std::move(c));
    }
    Stmt by(impl_->db, std::string("SELECT c.relation, ") + kRefColumns +
                           " FROM citations c JOIN documents d ON d.id = c.document_id WHERE c.target_id = ?1"
                           " GROUP BY d.id, c.relation ORDER BY d.date, d.id, min(c.start)");
    by.bind(1, id);
    while (by.step()) r.cited_by.push_back(CitedBy{ref_from(by, 1), by.text(0)});
    return r;
}

std::optional<Document> Index::parsed(std::int64_t id) const {
    Stmt s(impl_->db, "SELECT source, ifnull(source_format, ''), text FROM documents WHERE id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    if (s.is_null(0)) return parse(s.text(2));
    std::string input;
    try {
        input = detail::inflate(s.blob(0));
    } catch (const Poco::Exception& e) {
        throw IndexError("document " + std::to_string(id) + ": its stored source cannot be read (" + e.displayText() + ")", SQLITE_CORRUPT);
    }
    return s.text(1) == "akn" ? read_akn(input) : parse(input);
}

std::optional<DocumentDetail> Index::detail(std::int64_t id) const {
    ReadTransaction snapshot(impl_->db);  // one snapshot for all its statements
    Stmt s(impl_->db, std::string("SELECT ") + kRefColumns + ", ifnull(d.source_path,''), d.imported_at, d.text FROM documents d"
                                                             " WHERE d.id = ?1");
    s.bind(1, id);
    if (!s.step()) return std::nullopt;
    DocumentDetail out;
    out.document = ref_from(s, 0);
    out.source_path = s.text(6);
    out.imported_at = s.text(7);
    out.text = s.text(8);
    // UTF-16 index of every byte offset of the text (offsets are stored as bytes).
    // (A byte inside a character maps to the character's end, as the spans never point there.)
    std::vector<int> utf16(out.text.size() + 1, 0);
    {
        const auto* p = reinterpret_cast<const uint8_t*>(out.text.data());
        int32_t i = 0, size = static_cast<int32_t>(out.text.size());
        int n = 0;
        while (i < size) {
            int32_t start = i;
            UChar32 c;
            U8_NEXT_OR_FFFD(p, i, size, c);
            utf16[static_cast<std::size_t>(start)] = n;
            n += U16_LENGTH(c);
            for (int32_t k = start + 1; k <= i; ++k) utf16[static_cast<std::size_t>(k)] = n;
        }
    }
    auto at = [&](std::int64_t byte) { return utf16[static_cast<std::size_t>(std::clamp<std::int64_t>(byte, 0, static_cast<std::int64_t>(out.text.size())))]; };
    Stmt sec(impl_->db, "SELECT path, kind, heading, start, end FROM sections WHERE document_id = ?1 ORDER BY id");
    sec.bind(1, id);
    while (sec.step()) {
        std::string path = sec.text(0);
        int depth = static_cast<int>(std::count(path.begin(), path.end(), '.'));
        out.sections.push_back({path, sec.text(1), sec.text(2), depth, at(sec.integer(3)), at(sec.integer(4))});
    }
    Stmt task(impl_->db, std::string("SELECT t.id, t.path, ") + kTaskText +
                             ", t.deadline_text, ifnull(t.deadline_from,''), ifnull(t.deadline_to,''), t.start, t.end"
                             " FROM tasks t JOIN documents d ON d.id = t.document_id WHERE t.document_id = ?1"
                             " ORDER BY t.id");
    Stmt ag(impl_->db, "SELECT a.id, a.name, ta.role FROM task_agencies ta JOIN agencies a ON a.id = ta.agency_id"
                       " WHERE ta.task_id = ?1 ORDER BY ta.rowid");
    task.bind(1, id);
    while (task.step()) {
        DocumentDetail::Task t;
        t.path = task.text(1);
        t.text = task.text(2);
        t.start = at(task.integer(6));
        t.end = at(task.integer(7));
        if (!task.is_null(3)) t.deadline = Deadline{task.text(3), task.text(4), task.text(5)};
        ag.bind(1, task.integer(0));
        while (ag.step()) t.agencies.push_back({ag.text(0), ag.text(1), ag.text(2)});
        ag.reset();
        out.tasks.push_back(std::move(t));
    }
    out.references = references(id);
    return out;
}

Graph Index::graph(std::int64_t id, int depth) const {
    ReadTransaction snapshot(impl_->db);  // one snapshot for all its statements
    if (depth < 1 || depth > 5) throw QueryError("the depth must be from 1 to 5");
    auto root = document(id);
    if (!root) throw NotFound("no document with id " + std::to_string(id));
    Graph g;
    std::set<std::int64_t> seen = {id};
    std::vector<std::int64_t> frontier = {id};
    g.nodes.push_back(*root);
    std::set<std::tuple<std::int64_t, std::int64_t, std::string>> edges;
    Stmt out_edges(impl_->db, "SELECT document_id, target_id, relation FROM citations WHERE target_id IS NOT NULL AND"
                              " (document_id = ?1 OR target_id = ?1)");
    for (int level = 0; level < depth && !frontier.empty(); ++level) {
        std::vector<std::int64_t> next;
        for (auto n : frontier) {
            out_edges.bind(1, n);
            while (out_edges.step()) {
                std::int64_t from = out_edges.integer(0), to = out_edges.integer(1);
                edges.insert({from, to, out_edges.text(2)});
                for (auto other : {from, to}) {
                    if (seen.insert(other).second) {
                        next.push_back(other);
                        if (auto d = document(other)) g.nodes.push_back(*d);
                    }
                }
            }
            out_edges.reset();
        }
        frontier = std::move(next);
    }
    for (const auto& [from, to, relation] : edges) {
        if (seen.count(from) && seen.count(to)) g.edges.push_back({from, to, relation});
    }
    // The numbers the nodes cite that no document in the index holds ("25-KL/TW"): nodes known only
    // by citation. (The id list is of integers from the index, not user text.)
    std::string ids;
    for (const auto& n : g.nodes) ids += (ids.empty() ? "" : ",") + std::to_string(n.id);
    Stmt cited(impl_->db, "SELECT document_id, min(number), number_key, relation FROM citations WHERE target_id IS NULL AND"
                          " number_key IS NOT NULL AND number_key <> '' AND document_id IN (" + ids + ")"
                          " GROUP BY document_id, number_key, relation ORDER BY document_id, min(start)");
    while (cited.step()) g.cited.push_back({cited.text(1), cited.text(2), cited.integer(0), cited.text(3)});
    return g;
}

}  // namespace vanban
