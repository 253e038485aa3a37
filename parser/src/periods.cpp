// A hand-written scanner over the folded text (lowercase, no diacritics), reporting spans in the
// original through the fold's offset map. Invariant: every pattern starts at a word boundary and
// consumes whole tokens, so a match never begins or ends inside a word or a number.
#include "periods.h"

#include <cstdio>

#include "dates.h"
#include "numbering.h"
#include "text.h"

namespace vanban::detail {

namespace {

struct Ymd {
    int y = 0, m = 0, d = 0;
};

class Scanner {
public:
    explicit Scanner(const std::string& f) : f_(f) {}

    // The first byte is tested here, small enough to inline: most positions fail it.
    bool lit(std::size_t& i, std::string_view w) const {
        if (!w.empty() && (i >= f_.size() || f_[i] != w[0])) return false;
        return lit_rest(i, w);
    }
    [[gnu::noinline]] bool lit_rest(std::size_t& i, std::string_view w) const {
        if (f_.compare(i, w.size(), w) != 0) return false;
        std::size_t e = i + w.size();
        // A literal ending in a letter must end a word.
        if (!w.empty() && is_alnum(w.back()) && e < f_.size() && is_alnum(f_[e])) return false;
        i = e;
        return true;
    }
    void sp(std::size_t& i) const {
        while (i < f_.size() && f_[i] == ' ') ++i;
    }
    int num(std::size_t& i, std::size_t max_digits) const {
        std::size_t s = i;
        int v = 0;
        while (i < f_.size() && is_digit(f_[i]) && i - s < max_digits) v = v * 10 + (f_[i++] - '0');
        if (i == s || (i < f_.size() && is_digit(f_[i]))) {
            i = s;
            return -1;
        }
        return v;
    }
    int year(std::size_t& i) const {
        std::size_t s = i;
        int y = num(i, 4);
        if (y < 1945 || y > 2100 || i - s != 4) {
            i = s;
            return -1;
        }
        return y;
    }
    // "15/12/2023", "15-12-2023", "15.12.2023", "15 tháng 12 năm 2023", with an optional "ngày ".
    bool date(std::size_t& i, Ymd& out) const {
        std::size_t s = i;
        if (lit(i, "ngay")) sp(i);
        int d = num(i, 2);
        if (d < 0) return fail(i, s);
        if (i < f_.size() && (f_[i] == '/' || f_[i] == '-' || f_[i] == '.')) {
            char sep = f_[i++];
            int m = num(i, 2);
            if (m < 0 || i >= f_.size() || f_[i] != sep) return fail(i, s);
            ++i;
            int y = year(i);
            if (y < 0 || !iso_date(d, m, y)) return fail(i, s);
            out = {y, m, d};
            return true;
        }
        sp(i);
        if (!lit(i, "thang")) return fail(i, s);
        sp(i);
        int m = num(i, 2);
        sp(i);
        if (m < 0 || !lit(i, "nam")) return fail(i, s);
        sp(i);
        int y = year(i);
        if (y < 0 || !iso_date(d, m, y)) return fail(i, s);
        out = {y, m, d};
        return true;
    }
    // "9/2022", "9 năm 2022", "09-2022" after "tháng".
    bool month_year(std::size_t& i, int& m, int& y) const {
        std::size_t s = i;
        m = num(i, 2);
        if (m < 1 || m > 12) return fail(i, s);
        if (i < f_.size() && (f_[i] == '/' || f_[i] == '-')) {
            ++i;
        } else {
            sp(i);
            if (!lit(i, "nam")) return fail(i, s);
            sp(i);
        }
        y = year(i);
        return y > 0 || fail(i, s);
    }

private:
    static bool is_digit(char c) { return c >= '0' && c <= '9'; }
    static bool is_alnum(char c) {
        return is_digit(c) || (c >= 'a' && c <= 'z') || static_cast<unsigned char>(c) >= 0x80;
    }
    static bool fail(std::size_t& i, std::size_t s) {
        i = s;
        return false;
    }
    const std::string& f_;
};

std::string iso(const Ymd& d) { return *iso_date(d.d, d.m, d.y); }

int days_in_month(int y, int m) {
    static const int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    return m == 2 && leap ? 29 : days[m - 1];
}

std::string month_start(int y, int m) { return *iso_date(1, m, y); }
std::string month_end(int y, int m) { return *iso_date(days_in_month(y, m), m, y); }

int quarter_value(const std::string& f, std::size_t& i) {
    static const std::pair<std::string_view, int> q[] = {{"iv", 4}, {"iii", 3}, {"ii", 2}, {"i", 1},
                                                         {"4", 4},  {"3", 3},   {"2", 2},  {"1", 1}};
    for (auto [s, v] : q) {
        if (f.compare(i, s.size(), s) == 0 && (i + s.size() >= f.size() || !std::isalnum(static_cast<unsigned char>(f[i + s.size()])))) {
            i += s.size();
            return v;
        }
    }
    return 0;
}

}  // namespace

std::vector<Period> find_periods(std::string_view s, std::size_t base) {
    return find_periods(s, fold_with_map(s), base);
}

std::vector<Period> find_periods(std::string_view s, const Folded& fm, std::size_t base) {
    std::vector<Period> out;
    const std::string& f = fm.text;
    Scanner sc(f);
    auto emit = [&](std::size_t a, std::size_t b, std::optional<std::string> from, std::optional<std::string> to,
                    std::optional<std::string> rec) {
        Period p;
        p.span = Span{base + fm.orig[a], base + fm.orig[b]};
        p.text = std::string(s.substr(fm.orig[a], fm.orig[b] - fm.orig[a]));
        p.from = std::move(from);
        p.to = std::move(to);
        p.recurrence = std::move(rec);
        out.push_back(std::move(p));
    };
    for (std::size_t i = 0; i < f.size(); ++i) {
        if (i > 0 && std::isalnum(static_cast<unsigned char>(f[i - 1]))) continue;
        // Every pattern starts with one of these letters (từ, trước, chậm, hạn, quý, trong, vào, hoàn,
        // giai đoạn, năm, dịp, hằng, định kỳ, thường xuyên).
        if (std::string_view("tchqvgnd").find(f[i]) == std::string_view::npos) continue;
        std::size_t j = i;
        Ymd a, b;
        int m = 0, y = 0;
        // "từ ngày A đến (ngày) B"
        if (sc.lit(j, "tu")) {
            sc.sp(j);
            std::size_t k = j;
            if (sc.date(k, a)) {
                std::size_t e = k;
                sc.sp(e);
                if (sc.lit(e, "den")) {
                    sc.sp(e);
                    if (sc.date(e, b)) {
                        emit(i, e, iso(a), iso(b), std::nullopt);
                        i = e - 1;
                        continue;
                    }
                }
            }
            // "từ năm Y1 đến năm Y2"
            k = j;
            if (sc.lit(k, "nam")) {
                sc.sp(k);
                int y1 = sc.year(k);
                sc.sp(k);
                if (y1 > 0 && sc.lit(k, "den")) {
                    sc.sp(k);
                    sc.lit(k, "nam");
                    sc.sp(k);
                    int y2 = sc.year(k);
                    if (y2 >= y1) {
                        emit(i, k, month_start(y1, 1), month_end(y2, 12), std::nullopt);
                        i = k - 1;
                        continue;
                    }
                }
            }
        }
        j = i;
        // "trước ngày D/M/Y", "chậm nhất (là) (ngày) D/M/Y", "hạn chót D/M/Y"
        {
            std::size_t k = j;
            bool before = sc.lit(k, "truoc");
            if (!before) {
                k = j;
                if (sc.lit(k, "cham nhat")) {
                    before = true;
                    sc.sp(k);
                    sc.lit(k, "la");
                    sc.sp(k);
                    sc.lit(k, "truoc");
                } else if (sc.lit(k, "han chot")) {
                    before = true;
                }
            }
            if (before) {
                sc.sp(k);
                std::size_t d = k;
                if (sc.date(d, a)) {
                    emit(i, d, std::nullopt, iso(a), std::nullopt);
                    i = d - 1;
                    continue;
                }
                std::size_t t = k;
                if (sc.lit(t, "thang")) {
                    sc.sp(t);
                    if (sc.month_year(t, m, y)) {
                        int pm = m == 1 ? 12 : m - 1, py = m == 1 ? y - 1 : y;
                        emit(i, t, std::nullopt, month_end(py, pm), std::nullopt);
                        i = t - 1;
                        continue;
                    }
                }
                t = k;
                if (sc.lit(t, "quy")) {
                    sc.sp(t);
                    int q = quarter_value(f, t);
                    std::size_t u = t;
                    if (q > 0 && u < f.size() && f[u] == '/') ++u;
                    else {
                        sc.sp(u);
                        sc.lit(u, "nam");
                        sc.sp(u);
                    }
                    y = sc.year(u);
                    if (q > 0 && y > 0) {
                        int first = (q - 1) * 3 + 1;
                        int pm = first == 1 ? 12 : first - 1, py = first == 1 ? y - 1 : y;
                        emit(i, u, std::nullopt, month_end(py, pm), std::nullopt);
                        i = u - 1;
                        continue;
                    }
                }
                t = k;
                if (sc.lit(t, "nam")) {
                    sc.sp(t);
                    y = sc.year(t);
                    if (y > 0) {
                        emit(i, t, std::nullopt, month_end(y - 1, 12), std::nullopt);
                        i = t - 1;
                        continue;
                    }
                }
            }
        }
        j = i;
        // "(trong) quý II/2022", "quý 2 năm 2022"
        if (sc.lit(j, "quy")) {
            sc.sp(j);
            int q = quarter_value(f, j);
            std::size_t u = j;
            if (q > 0 && u < f.size() && f[u] == '/') {
                ++u;
            } else {
                sc.sp(u);
                if (!sc.lit(u, "nam")) q = 0;
                sc.sp(u);
            }
            y = q > 0 ? sc.year(u) : -1;
            if (y > 0) {
                int first = (q - 1) * 3 + 1;
                emit(i, u, month_start(y, first), month_end(y, first + 2), std::nullopt);
                i = u - 1;
                continue;
            }
        }
        j = i;
        // "trong tháng 12/2025", "tháng 9 năm 2022" after "trong", "vào", "hoàn thành"
        if (sc.lit(j, "trong") || (j = i, sc.lit(j, "vao")) || (j = i, sc.lit(j, "hoan thanh"))) {
            sc.sp(j);
            std::size_t t = j;
            if (sc.lit(t, "thang")) {
                sc.sp(t);
                if (sc.month_year(t, m, y)) {
                    emit(i, t, month_start(y, m), month_end(y, m), std::nullopt);
                    i = t - 1;
                    continue;
                }
            }
            t = j;
            if (sc.lit(t, "nam")) {
                sc.sp(t);
                y = sc.year(t);
                if (y > 0) {
                    std::size_t u = t;
                    // "trong năm 2022-2023"
                    if (u < f.size() && (f[u] == '-' || f[u] == ' ')) {
                        std::size_t v = u;
                        sc.sp(v);
                        if (v < f.size() && f[v] == '-') {
                            ++v;
                            sc.sp(v);
                            int y2 = sc.year(v);
                            if (y2 >= y) {
                                emit(i, v, month_start(y, 1), month_end(y2, 12), std::nullopt);
                                i = v - 1;
                                continue;
                            }
                        }
                    }
                    emit(i, t, month_start(y, 1), month_end(y, 12), std::nullopt);
                    i = t - 1;
                    continue;
                }
            }
        }
        j = i;
        // "giai đoạn 2022-2023", "(N) năm 2022-2023", "thời gian 2 năm 2022 - 2023"
        {
            std::size_t k = j;
            bool head = sc.lit(k, "giai doan");
            if (!head) {
                k = j;
                head = sc.lit(k, "nam");
            }
            if (head) {
                sc.sp(k);
                int y1 = sc.year(k);
                std::size_t u = k;
                sc.sp(u);
                if (y1 > 0 && u < f.size() && (f[u] == '-' || f.compare(u, 3, "\xe2\x80\x93") == 0)) {
                    u += f[u] == '-' ? 1 : 3;
                    sc.sp(u);
                    int y2 = sc.year(u);
                    if (y2 >= y1) {
                        // Include "thời gian N năm" in the text when it is written: "2 năm 2022-2023".
                        emit(i, u, month_start(y1, 1), month_end(y2, 12), std::nullopt);
                        i = u - 1;
                        continue;
                    }
                }
            }
        }
        j = i;
        // "dịp nghỉ lễ 30/4, 01/5/2022": day/month pairs ending with a year.
        if (sc.lit(j, "dip")) {
            std::size_t k = j, limit = std::min(f.size(), j + 40);
            while (k < limit && !(f[k] >= '0' && f[k] <= '9')) ++k;
            std::vector<std::pair<int, int>> dm;
            int yy = -1;
            std::size_t e = k;
            while (e < f.size()) {
                std::size_t t = e;
                int d = sc.num(t, 2);
                if (d < 0 || t >= f.size() || f[t] != '/') break;
                ++t;
                int mm = sc.num(t, 2);
                if (mm < 0) break;
                dm.emplace_back(d, mm);
                e = t;
                if (t < f.size() && f[t] == '/') {
                    ++t;
                    yy = sc.year(t);
                    if (yy > 0) e = t;
                    break;
                }
                std::size_t n = t;
                if (n < f.size() && f[n] == ',') ++n;
                sc.sp(n);
                if (sc.lit(n, "va")) sc.sp(n);
                if (n < f.size() && f[n] >= '0' && f[n] <= '9') {
                    e = n;
                    continue;
                }
                break;
            }
            if (yy > 0 && !dm.empty() && iso_date(dm.front().first, dm.front().second, yy) &&
                iso_date(dm.back().first, dm.back().second, yy)) {
                emit(i, e, iso_date(dm.front().first, dm.front().second, yy), iso_date(dm.back().first, dm.back().second, yy),
                     std::nullopt);
                i = e - 1;
                continue;
            }
        }
        j = i;
        // Recurrences.
        {
            static const std::pair<std::string_view, std::string_view> rec[] = {
                {"hang nam", "yearly"},   {"hang quy", "quarterly"}, {"hang thang", "monthly"},
                {"hang tuan", "weekly"},  {"hang ngay", "daily"},    {"thuong xuyen", "ongoing"},
                {"dinh ky hang nam", "yearly"}, {"dinh ky hang quy", "quarterly"}, {"dinh ky hang thang", "monthly"},
            };
            bool hit = false;
            // "chi thường xuyên", "kinh phí thường xuyên" is recurrent spending; "Nghị quyết hằng năm",
            // "kế hoạch hằng năm" qualify a document. Neither says when a task is due.
            std::string_view lead_in = std::string_view(f).substr(0, i);
            while (!lead_in.empty() && lead_in.back() == ' ') lead_in.remove_suffix(1);
            bool qualifier = lead_in.ends_with("chi") || lead_in.ends_with("kinh phi") || lead_in.ends_with("du toan") ||
                             lead_in.ends_with("nghi quyet") || lead_in.ends_with("ke hoach") || lead_in.ends_with("quyet dinh") ||
                             lead_in.ends_with("chuong trinh") || lead_in.ends_with("ngan sach");
            for (auto [w, r] : rec) {
                if (qualifier) break;
                std::size_t k = j;
                if (sc.lit(k, w)) {
                    emit(i, k, std::nullopt, std::nullopt, std::string(r));
                    i = k - 1;
                    hit = true;
                    break;
                }
            }
            if (hit) continue;
            std::size_t k = j;
            if (sc.lit(k, "dinh ky")) {
                sc.sp(k);
                int n = sc.num(k, 2);
                sc.sp(k);
                if (n > 0 && sc.lit(k, "thang")) {
                    char buf[24];
                    std::snprintf(buf, sizeof buf, "%d months", n);
                    emit(i, k, std::nullopt, std::nullopt, std::string(buf));
                    i = k - 1;
                    continue;
                }
            }
        }
    }
    return out;
}

std::optional<Period> pick_deadline(const std::vector<Period>& found) {
    for (const auto& p : found) {
        if (p.from || p.to) return p;
    }
    if (!found.empty()) return found.front();
    return std::nullopt;
}

}  // namespace vanban::detail
