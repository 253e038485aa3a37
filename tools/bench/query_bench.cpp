// Query latency over a fixed list of queries, in-process and warm, against the same FTS5 query run
// bare on the same database. Run it with tools/bench/query.sh; not part of ctest.
//
//   ours: Index::search(query) — number lookup, MATCH in a CTE, join and count, top 20 by bm25,
//         snippets with highlights and the section of the first match;
//   bare: SELECT rowid, snippet(...) FROM documents_fts WHERE documents_fts MATCH <the same
//         expression> ORDER BY rank LIMIT 20 (rank is bm25 with the title weighted 10x), with
//         FTS5's built-in snippet() and, to see what our layer alone adds, with our vi_snippet().
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include "query.h"
#include "vanban/index.h"

namespace {

using Clock = std::chrono::steady_clock;

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

double percentile(std::vector<double> v, double p) {
    std::sort(v.begin(), v.end());
    return v.empty() ? 0 : v[std::min(v.size() - 1, static_cast<std::size_t>(p * static_cast<double>(v.size())))];
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 3) {
        std::cerr << "usage: query_bench DB QUERIES [REPEAT]\n";
        return 2;
    }
    int repeat = argc > 3 ? std::max(1, std::atoi(argv[3])) : 3;
    std::vector<std::string> queries;
    std::ifstream in(argv[2]);
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line[0] != '#') queries.push_back(line);
    }
    try {
        vanban::Index index(argv[1]);
        auto* db = static_cast<sqlite3*>(index.handle());
        std::int64_t docs = index.count();
        sqlite3_stmt* bare = nullptr;
        if (sqlite3_prepare_v2(db,
                               "SELECT rowid, snippet(documents_fts, 1, char(1), char(2), '…', 24) FROM documents_fts"
                               " WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT 20",
                               -1, &bare, nullptr) != SQLITE_OK) {
            std::cerr << "query_bench: " << sqlite3_errmsg(db) << '\n';
            return 1;
        }
        sqlite3_stmt* bare_vi = nullptr;
        sqlite3_prepare_v2(db,
                           "SELECT rowid, vi_snippet(documents_fts, 1, char(1), char(2), '…', 24) FROM documents_fts"
                           " WHERE documents_fts MATCH ?1 ORDER BY rank LIMIT 20",
                           -1, &bare_vi, nullptr);
        sqlite3_stmt* counter = nullptr;
        sqlite3_prepare_v2(db, "SELECT count(*) FROM documents_fts WHERE documents_fts MATCH ?1", -1, &counter, nullptr);
        struct Row {
            std::string query;
            double ours = 1e18, bare = 1e18, bare_vi = 1e18, count = 1e18, cold = 0;
            std::int64_t matches = 0;
        };
        std::vector<Row> rows;
        for (const auto& q : queries) {
            Row r;
            r.query = q;
            std::string expr = vanban::detail::to_fts5(q);
            // The floor of any exact answer over FTS5: counting the matches walks the same doclists
            // as ranking them, without bm25, sorting or snippets.
            for (int k = 0; k <= repeat; ++k) {
                auto t = Clock::now();
                sqlite3_bind_text(counter, 1, expr.c_str(), -1, SQLITE_TRANSIENT);
                if (sqlite3_step(counter) == SQLITE_ROW) r.matches = sqlite3_column_int64(counter, 0);
                sqlite3_reset(counter);
                if (k > 0) r.count = std::min(r.count, ms_since(t));
            }
            // Warm once, then the best of `repeat` runs of each.
            for (int k = 0; k <= repeat; ++k) {
                auto t = Clock::now();
                auto result = index.search(q);
                double ours = ms_since(t);
                t = Clock::now();
                sqlite3_bind_text(bare, 1, expr.c_str(), -1, SQLITE_TRANSIENT);
                int n = 0;
                while (sqlite3_step(bare) == SQLITE_ROW) ++n;
                sqlite3_reset(bare);
                double b = ms_since(t);
                t = Clock::now();
                sqlite3_bind_text(bare_vi, 1, expr.c_str(), -1, SQLITE_TRANSIENT);
                while (sqlite3_step(bare_vi) == SQLITE_ROW) ++n;
                sqlite3_reset(bare_vi);
                double bv = ms_since(t);
                if (k == 0) r.cold = ours;  // the first search of this expression: IDFs not yet kept
                if (k > 0) {
                    r.ours = std::min(r.ours, ours);
                    r.bare = std::min(r.bare, b);
                    r.bare_vi = std::min(r.bare_vi, bv);
                }
                (void)result;
                (void)n;
            }
            rows.push_back(r);
        }
        sqlite3_finalize(bare);
        sqlite3_finalize(bare_vi);
        sqlite3_finalize(counter);
        std::vector<double> ours, bares, bares_vi, counts, colds;
        double sum_ours = 0, sum_bare = 0, sum_bare_vi = 0;
        int common = 0;
        for (const auto& r : rows) {
            ours.push_back(r.ours);
            bares.push_back(r.bare);
            bares_vi.push_back(r.bare_vi);
            counts.push_back(r.count);
            colds.push_back(r.cold);
            sum_ours += r.ours;
            sum_bare += r.bare;
            sum_bare_vi += r.bare_vi;
            common += r.matches * 10 > docs * 3;
        }
        std::printf("documents %lld, queries %zu (%d match more than 30%% of the documents), best of %d warm runs\n",
                    static_cast<long long>(docs), rows.size(), common, repeat);
        std::printf("ours (search, top 20 + snippets + section): p50 %7.2f ms  p99 %7.2f ms  mean %7.2f ms\n",
                    percentile(ours, 0.5), percentile(ours, 0.99), sum_ours / static_cast<double>(rows.size()));
        std::printf("bare fts5 (top 20 + snippet):              p50 %7.2f ms  p99 %7.2f ms  mean %7.2f ms\n",
                    percentile(bares, 0.5), percentile(bares, 0.99), sum_bare / static_cast<double>(rows.size()));
        std::printf("bare fts5 (top 20 + vi_snippet):           p50 %7.2f ms  p99 %7.2f ms  mean %7.2f ms\n",
                    percentile(bares_vi, 0.5), percentile(bares_vi, 0.99), sum_bare_vi / static_cast<double>(rows.size()));
        std::printf("ours, first search of each expression:     p50 %7.2f ms  p99 %7.2f ms\n", percentile(colds, 0.5),
                    percentile(colds, 0.99));
        std::printf("count(*) of the matches alone:             p50 %7.2f ms  p99 %7.2f ms\n", percentile(counts, 0.5),
                    percentile(counts, 0.99));
        std::printf("ratio ours/bare (sum over all queries): %.2fx with snippet(), %.2fx with vi_snippet() (target <= 1.2x)\n",
                    sum_ours / sum_bare, sum_ours / sum_bare_vi);
        std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.ours > b.ours; });
        std::printf("slowest queries:\n");
        for (std::size_t i = 0; i < std::min<std::size_t>(8, rows.size()); ++i) {
            std::printf("  %8.2f ms ours  %8.2f ms bare  %8.2f ms bare+vi_snippet  %8.2f ms count  %8lld matches  %s\n",
                        rows[i].ours, rows[i].bare, rows[i].bare_vi, rows[i].count,
                        static_cast<long long>(rows[i].matches), rows[i].query.c_str());
        }
    } catch (const std::exception& e) {
        std::cerr << "query_bench: " << e.what() << '\n';
        return 1;
    }
    return 0;
}
