// vi_snippet(): an FTS5 auxiliary function with the arguments and output of the built-in snippet()
// (column, open marker, close marker, ellipsis, tokens), built for long documents:
//   - the window is chosen in one pass over the match positions (two pointers over the sorted
//     instances: most distinct phrases, then most instances), where the built-in one scores every
//     candidate start against every instance and goes quadratic in the matches of a common word;
//   - the text is tokenized only up to the end of the window, not to the end of the column.
// Registered on every connection with the "vi" tokenizer (tokenizer.cpp).
#include <sqlite3.h>

#include <algorithm>
#include <new>
#include <stdexcept>
#include <string>
#include <vector>

namespace vanban::detail {

namespace {

struct Instance {
    int phrase, offset, size;
};

struct Walk {
    int first = 0, last = 0;  // token positions of the window, inclusive
    int position = -1;        // position of the token just seen
    bool more_after = false;  // the text goes on after the window
    std::vector<int> start_of, end_of;  // byte start and end of each position in [first, last]
};

int on_token(void* ctx, int flags, const char*, int, int start, int end) noexcept {
    auto* w = static_cast<Walk*>(ctx);
    if (!(flags & FTS5_TOKEN_COLOCATED)) ++w->position;
    if (w->position < w->first) return SQLITE_OK;
    if (w->position > w->last) {
        w->more_after = true;
        return SQLITE_DONE;  // stop: the rest of the text is not needed
    }
    std::size_t i = static_cast<std::size_t>(w->position - w->first);
    if (w->start_of[i] < 0) w->start_of[i] = start;
    w->end_of[i] = std::max(w->end_of[i], end);
    return SQLITE_OK;
}

void snippet(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* out, int argc, sqlite3_value** argv);

// C calls it: no exception may leave.
void vi_snippet(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* out, int argc,
                sqlite3_value** argv) noexcept {
    try {
        snippet(api, fts, out, argc, argv);
    } catch (const std::bad_alloc&) {
        sqlite3_result_error_nomem(out);
    } catch (...) {
        sqlite3_result_error(out, "vi_snippet failed", -1);
    }
}

void snippet(const Fts5ExtensionApi* api, Fts5Context* fts, sqlite3_context* out, int argc, sqlite3_value** argv) {
    if (argc != 5 && argc != 6) {
        sqlite3_result_error(out, "vi_snippet: expected (column, open, close, ellipsis, tokens[, with_offset])", -1);
        return;
    }
    // With a sixth argument that is true, the snippet starts with the byte offset of its first match
    // in the column's text (or -1) and a \x03: where the snippet is, without searching for it.
    const bool with_offset = argc == 6 && sqlite3_value_int(argv[5]) != 0;
    const int column = sqlite3_value_int(argv[0]);
    auto text_arg = [&](int i) {
        const unsigned char* t = sqlite3_value_text(argv[i]);
        return t ? std::string(reinterpret_cast<const char*>(t)) : std::string();
    };
    const std::string open = text_arg(1), close = text_arg(2), ellipsis = text_arg(3);
    const int tokens = std::clamp(sqlite3_value_int(argv[4]), 1, 64);

    int count = 0;
    if (api->xInstCount(fts, &count) != SQLITE_OK) count = 0;
    std::vector<Instance> inst;
    for (int i = 0; i < count; ++i) {
        int phrase = 0, col = 0, offset = 0;
        if (api->xInst(fts, i, &phrase, &col, &offset) != SQLITE_OK) break;
        if (col == column) inst.push_back({phrase, offset, api->xPhraseSize(fts, phrase)});
    }
    std::sort(inst.begin(), inst.end(), [](const Instance& a, const Instance& b) { return a.offset < b.offset; });

    // The window: the run of instances that fits in `tokens` positions with the most distinct phrases,
    // then the most instances.
    int first = 0;
    if (!inst.empty()) {
        std::vector<int> seen(static_cast<std::size_t>(api->xPhraseCount(fts)), 0);
        int distinct = 0, best_distinct = -1, best_count = -1, best_end = 0;
        std::size_t right = 0;
        for (std::size_t left = 0; left < inst.size(); ++left) {
            while (right < inst.size() && inst[right].offset + inst[right].size <= inst[left].offset + tokens) {
                if (seen[static_cast<std::size_t>(inst[right].phrase)]++ == 0) ++distinct;
                ++right;
            }
            int in_window = static_cast<int>(right - left);
            if (distinct > best_distinct || (distinct == best_distinct && in_window > best_count)) {
                best_distinct = distinct;
                best_count = in_window;
                first = inst[left].offset;
                best_end = first + inst[left].size;
                for (std::size_t k = left; k < right; ++k) best_end = std::max(best_end, inst[k].offset + inst[k].size);
            }
            if (right > left && --seen[static_cast<std::size_t>(inst[left].phrase)] == 0) --distinct;
            if (right == left) ++right;  // a phrase longer than the window
        }
        // Some words before the first match, as far as the last match of the run still fits.
        first = std::max(0, first - std::max(0, std::min(tokens / 4, tokens - (best_end - first))));
        // A window running past the end moves back: a short text shows whole.
        int size = 0;
        if (api->xColumnSize(fts, column, &size) == SQLITE_OK) first = std::max(0, std::min(first, size - tokens));
    }

    const char* text = nullptr;
    int length = 0;
    if (api->xColumnText(fts, column, &text, &length) != SQLITE_OK || !text) {
        sqlite3_result_text(out, with_offset ? "-1\x03" : "", -1, SQLITE_STATIC);
        return;
    }
    Walk w;
    w.first = first;
    w.last = first + tokens - 1;
    w.start_of.assign(static_cast<std::size_t>(tokens), -1);
    w.end_of.assign(static_cast<std::size_t>(tokens), -1);
    int rc = api->xTokenize(fts, text, length, &w, on_token);
    if (rc != SQLITE_OK && rc != SQLITE_DONE) {
        sqlite3_result_error_code(out, rc);
        return;
    }
    // The window's byte span: from the column start when it starts at the first token.
    int last_seen = -1;
    for (int i = 0; i < tokens; ++i) {
        if (w.start_of[static_cast<std::size_t>(i)] >= 0) last_seen = i;
    }
    if (last_seen < 0) {
        sqlite3_result_text(out, with_offset ? "-1\x03" : "", -1, SQLITE_STATIC);
        return;
    }
    const int from = first == 0 ? 0 : w.start_of[0];
    const int to = w.more_after ? w.end_of[static_cast<std::size_t>(last_seen)] : length;
    // Match spans in bytes, merged, inside the window.
    std::vector<std::pair<int, int>> marks;
    for (const auto& in : inst) {
        int a = in.offset - first, b = in.offset + in.size - 1 - first;
        if (a < 0 || b > last_seen) continue;
        int s = w.start_of[static_cast<std::size_t>(a)], e = w.end_of[static_cast<std::size_t>(b)];
        if (s < 0 || e < 0) continue;
        if (!marks.empty() && s <= marks.back().second) marks.back().second = std::max(marks.back().second, e);
        else marks.emplace_back(s, e);
    }
    std::string result;
    result.reserve(static_cast<std::size_t>(to - from) + 32);
    if (with_offset) result += std::to_string(marks.empty() ? -1 : marks.front().first) + '\x03';
    if (from > 0) result += ellipsis;
    int at = from;
    for (const auto& [s, e] : marks) {
        result.append(text + at, static_cast<std::size_t>(s - at));
        result += open;
        result.append(text + s, static_cast<std::size_t>(e - s));
        result += close;
        at = e;
    }
    result.append(text + at, static_cast<std::size_t>(to - at));
    if (to < length) result += ellipsis;
    sqlite3_result_text(out, result.data(), static_cast<int>(result.size()), SQLITE_TRANSIENT);
}

}  // namespace

void register_vi_snippet(fts5_api* api) {
    int rc = api->xCreateFunction(api, "vi_snippet", nullptr, vi_snippet, nullptr);
    if (rc != SQLITE_OK) throw std::runtime_error("cannot register vi_snippet");
}

}  // namespace vanban::detail
