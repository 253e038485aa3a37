#include "signature.h"

#include <algorithm>
#include <cctype>

#include "text.h"

namespace vanban::detail {

namespace {

// Positions that head a signature, folded. Longer first where one is a prefix of another.
constexpr std::string_view kPositions[] = {
    "pho chu tich", "chu tich", "pho thu tuong", "thu tuong", "bo truong", "thu truong", "pho chanh van phong",
    "chanh van phong", "pho giam doc", "giam doc", "tong giam doc", "pho bi thu", "bi thu", "pho truong ban",
    "truong ban", "pho chu nhiem", "chu nhiem", "tong cuc truong", "pho tong cuc truong", "cuc truong",
    "pho cuc truong", "vu truong", "pho vu truong", "chanh an", "vien truong", "tong kiem toan", "thong doc",
    "pho thong doc", "chanh thanh tra", "tong thanh tra", "pho tong thanh tra", "truong phong", "tong bi thu",
    "chu tich nuoc", "truong doan", "thu ky", "tong thu ky", "pho tong thu ky", "chanh thanh tra", "hieu truong",
    "tu lenh", "chinh uy", "pho truong phong", "chi cuc truong", "tong biên tap", "truong ban chi dao",
    "uy vien", "giam doc so", "pho giam doc so", "tm.", "kt.",
};

constexpr std::string_view kAuthority[] = {"tm.", "kt.", "q.", "tl.", "tuq.", "t/l", "t/m", "k/t", "t.m.", "k.t.",
                                           "thua lenh", "ky thay", "thay mat", "thua uy quyen", "tm ", "kt ", "tl "};

}  // namespace

bool is_authority_line(std::string_view line) {
    // Every authority prefix starts with T, K or Q (TM., KT., Q., TL., TUQ., T/L, thừa lệnh, ký thay, thay mặt).
    if (line.empty() || std::string_view("TKQtkq").find(line[0]) == std::string_view::npos) return false;
    std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 24)));
    for (auto a : kAuthority) {
        if (!f.starts_with(a) || f.size() < a.size()) continue;
        if (f.size() == a.size()) return a.back() == '.' && is_all_caps(line);
        char next = f[a.size()];
        if (next != ' ' && a.back() != ' ' && !(a.back() == '.' && next != '.')) continue;
        // The prefix and the word after it are in capitals: "TM. ỦY BAN", "KT. BỘ TRƯỞNG ...". A prefix
        // alone on its line ("TL." / "CỤC TRƯỞNG") is one too.
        std::size_t sp = line.find(' ');
        if (sp == std::string_view::npos) return f == a && a.back() == '.' && is_all_caps(line);
        std::size_t w = line.find_first_not_of(' ', sp);
        if (w == std::string_view::npos) return false;
        std::size_t we = line.find(' ', w);
        std::string_view prefix = line.substr(0, sp), word = line.substr(w, we == std::string_view::npos ? we : we - w);
        return is_all_caps(prefix) && is_all_caps(word);
    }
    return false;
}

std::string_view leading_caps(std::string_view line) {
    std::size_t end = 0, i = 0;
    while (i < line.size()) {
        while (i < line.size() && line[i] == ' ') ++i;
        std::size_t j = i;
        while (j < line.size() && line[j] != ' ') ++j;
        if (j == i) break;
        std::string_view w = line.substr(i, j - i);
        bool letters = false;
        for (char c : w) letters |= static_cast<unsigned char>(c) >= 0x80 || std::isalpha(static_cast<unsigned char>(c));
        if (letters && !is_all_caps(w)) break;
        end = j;
        i = j;
    }
    return line.substr(0, end);
}

bool is_position_line(std::string_view line) {
    if (!is_all_caps(line) || line.size() > 160) return false;
    std::string f = fold(line);
    for (auto p : kPositions) {
        if (f.starts_with(p) && (f.size() == p.size() || f[p.size()] == ' ')) return true;
    }
    return false;
}

namespace {

// Military and academic ranks printed before a signer's name ("Thượng tướng Vũ Hải Sản"), folded.
std::string_view strip_rank(std::string_view line) {
    static constexpr std::string_view ranks[] = {"dai tuong ", "thuong tuong ", "trung tuong ", "thieu tuong ",
                                                 "dai ta ", "thuong ta ", "trung ta ", "thieu ta ", "do doc ",
                                                 "pho do doc ", "chuan do doc ", "gs. ", "pgs. ", "ts. ", "ths. ",
                                                 "gs.ts. ", "pgs.ts. ", "bs. "};
    std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 24)));
    for (auto r : ranks) {
        if (!f.starts_with(r)) continue;
        // Skip as many words as the rank has.
        std::size_t words = static_cast<std::size_t>(std::count(r.begin(), r.end(), ' '));
        std::size_t i = 0;
        for (std::size_t w = 0; w < words && i < line.size(); ++w) {
            while (i < line.size() && line[i] != ' ') ++i;
            while (i < line.size() && line[i] == ' ') ++i;
        }
        return line.substr(i);
    }
    return line;
}

}  // namespace

bool is_name_line(std::string_view line, bool allow_caps) {
    line = strip_rank(trim(line));
    if (line.empty() || line.size() > 60) return false;
    int words = 0;
    std::size_t i = 0;
    bool word_start = true;
    bool caps = is_all_caps(line);
    if (caps && !allow_caps) return false;
    while (i < line.size()) {
        char32_t cp = next_cp(line, i);
        if (cp == ' ') {
            word_start = true;
            continue;
        }
        if (!is_letter(cp) && cp != '.' && cp != '-') return false;
        if (word_start) {
            if (!is_upper(cp)) return false;
            ++words;
            word_start = false;
        }
    }
    return words >= 2 && words <= 6;
}

namespace {

// One word of a name on a line of its own ("Phạm", "Cận"): letters only, a capital first, not all capitals.
bool is_name_fragment(std::string_view line) {
    line = trim(line);
    if (line.empty() || line.size() > 24 || line.find(' ') != std::string_view::npos || is_all_caps(line)) return false;
    std::size_t i = 0;
    bool first = true;
    while (i < line.size()) {
        char32_t cp = next_cp(line, i);
        if (!is_letter(cp)) return false;
        if (first && !is_upper(cp)) return false;
        first = false;
    }
    return true;
}

std::size_t count_words(std::string_view s) {
    std::size_t n = 0;
    bool in = false;
    for (char c : s) {
        if (c == ' ') in = false;
        else if (!in) in = true, ++n;
    }
    return n;
}

}  // namespace

bool is_recipients_line(std::string_view line) {
    std::string f = fold(line.substr(0, std::min<std::size_t>(line.size(), 20)));
    return f.starts_with("noi nhan") || f.starts_with("noi gui");
}

namespace {

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> out;
    std::size_t i = 0;
    while (i < s.size()) {
        while (i < s.size() && s[i] == ' ') ++i;
        std::size_t j = i;
        while (j < s.size() && s[j] != ' ') ++j;
        if (j > i) out.emplace_back(s.substr(i, j - i));
        i = j;
    }
    return out;
}

// Number of words of the position phrase starting at words[i], or 0.
std::size_t position_at(const std::vector<std::string>& words, std::size_t i) {
    std::string joined;
    std::size_t best = 0;
    for (std::size_t k = i; k < words.size() && k < i + 5; ++k) {
        if (!joined.empty()) joined += ' ';
        joined += fold(words[k]);
        for (auto p : kPositions) {
            if (joined == p && p.find('.') == std::string_view::npos) best = k - i + 1;
        }
    }
    return best;
}

bool is_authority_word(std::string_view w) {
    std::string f = fold(w);
    return f == "tm." || f == "kt." || f == "q." || f == "tl." || f == "tuq." || f == "t/l" || f == "t/m" || f == "k/t";
}

}  // namespace

std::vector<std::string> split_signature_cell(std::string_view cell) {
    std::string_view t = trim(cell);
    if (fold_starts_with(t, "xac thuc van ban hop nhat")) {
        // "XÁC THỰC VĂN BẢN HỢP NHẤT KT. BỘ TRƯỞNG ..." in one table cell.
        std::size_t i = 0;
        for (int w = 0; w < 5 && i < t.size(); ++w) {
            while (i < t.size() && t[i] != ' ') ++i;
            while (i < t.size() && t[i] == ' ') ++i;
        }
        std::vector<std::string> out{std::string(trim(t.substr(0, i)))};
        for (auto& piece : split_signature_cell(t.substr(i))) out.push_back(std::move(piece));
        return out;
    }
    std::vector<std::string> words = split_words(t);
    // The name: the trailing run of words in normal case ("Bùi Hồng Lĩnh").
    std::size_t name_start = words.size();
    while (name_start > 0 && !is_all_caps(words[name_start - 1]) && starts_upper(words[name_start - 1])) --name_start;
    // A rank in lowercase inside the name ("Thượng tướng Vũ Hải Sản").
    if (name_start >= 2 && name_start < words.size() && starts_lower(words[name_start - 1]) &&
        !is_all_caps(words[name_start - 2]) && starts_upper(words[name_start - 2])) {
        name_start -= 2;
    }
    std::vector<std::string> out;
    std::string cur;
    auto flush = [&] {
        if (!cur.empty()) out.push_back(std::move(cur));
        cur.clear();
    };
    bool segment_has_position = false;
    for (std::size_t i = 0; i < name_start;) {
        if (is_authority_word(words[i])) {
            flush();
            segment_has_position = false;
            cur = words[i++];
            continue;
        }
        if (std::size_t n = position_at(words, i); n > 0) {
            // A second position in the same segment starts a new line: "KT. BỘ TRƯỞNG | THỨ TRƯỞNG";
            // so does a position after a body's name: "TM. ỦY BAN NHÂN DÂN | CHỦ TỊCH".
            if (segment_has_position || (!cur.empty() && !is_authority_word(cur))) flush();
            segment_has_position = true;
            for (std::size_t k = 0; k < n; ++k) {
                if (!cur.empty()) cur += ' ';
                cur += words[i + k];
            }
            i += n;
            continue;
        }
        if (!cur.empty()) cur += ' ';
        cur += words[i++];
    }
    flush();
    if (name_start < words.size()) {
        std::string name;
        for (std::size_t i = name_start; i < words.size(); ++i) name += (name.empty() ? "" : " ") + words[i];
        out.push_back(name);
    }
    return out;
}

std::vector<std::string> split_recipients(std::string_view rest) {
    std::vector<std::string> out;
    std::string_view r = trim(rest);
    if (r.starts_with("- ") || r.starts_with("-")) r = trim(r.substr(1));
    std::size_t start = 0;
    for (std::size_t p = r.find(" - "); p != std::string_view::npos; p = r.find(" - ", p + 3)) {
        char before = p > 0 ? r[p - 1] : ';';
        if (before != ';' && before != ':' && before != ')' && before != '.' && before != ',') continue;
        std::size_t q = p + 3;
        if (!starts_upper(r.substr(q, 8)) && !(q < r.size() && r[q] >= '0' && r[q] <= '9')) continue;
        out.emplace_back(trim(r.substr(start, p - start)));
        start = q;
    }
    out.emplace_back(trim(r.substr(start)));
    std::erase_if(out, [](const std::string& x) { return x.empty(); });
    return out;
}

void read_signature_zone(const std::vector<Line>& lines, std::size_t begin, std::size_t end,
                         std::vector<Signer>& signers, std::vector<std::string>& recipients) {
    // Expand cells that glue authority lines and the name, or list recipients inline.
    std::vector<std::string> expanded;
    for (std::size_t i = begin; i < end; ++i) {
        std::string_view t = trim(lines[i].text);
        bool stamp = fold_starts_with(t, "xac thuc van ban hop nhat");
        std::string_view caps = leading_caps(t);
        bool sig = stamp || (!caps.empty() && (is_authority_line(caps) || is_position_line(caps)));
        if (sig && !is_all_caps(t)) {
            for (auto& piece : split_signature_cell(t)) expanded.push_back(std::move(piece));
        } else if (is_recipients_line(t) && t.find(" - ") != std::string_view::npos) {
            std::size_t colon = t.find(':');
            expanded.emplace_back("Nơi nhận:");
            if (colon != std::string_view::npos) {
                for (auto& r : split_recipients(t.substr(colon + 1))) expanded.push_back("- " + r);
            }
        } else {
            expanded.emplace_back(t);
        }
    }
    bool in_recipients = false;
    std::vector<std::string> capacity;
    for (std::size_t idx = 0; idx < expanded.size(); ++idx) {
        std::string_view t = expanded[idx];
        if (t.empty()) continue;
        if (is_recipients_line(t)) {
            in_recipients = true;
            std::size_t colon = t.find(':');
            std::string_view rest = colon == std::string_view::npos ? std::string_view{} : trim(t.substr(colon + 1));
            if (!rest.empty()) recipients.emplace_back(rest);
            continue;
        }
        if (fold_starts_with(t, "xac thuc van ban hop nhat")) continue;
        bool authority = is_authority_line(t) || is_position_line(t);
        if (authority) {
            in_recipients = false;
            // "TL." then "CỤC TRƯỞNG": one authority line printed on two.
            if (!capacity.empty() && capacity.back().find(' ') == std::string::npos && capacity.back().ends_with('.')) {
                capacity.back() += ' ' + squeeze(t);
            } else {
                capacity.push_back(squeeze(t));
            }
            continue;
        }
        if (!capacity.empty()) {
            // A name wrapped by a narrow table cell: "Phạm" / "Mạnh Cường", "Lê Tấn" / "Cận".
            std::string name = squeeze(t);
            std::size_t used = 0;
            while (idx + used + 1 < expanded.size()) {
                const std::string& next = expanded[idx + used + 1];
                bool wrapped = (is_name_fragment(next) && (is_name_fragment(name) || count_words(name) <= 3)) ||
                               (is_name_fragment(name) && is_name_line(next));
                if (!wrapped || !is_name_line(name + " " + next)) break;
                name += ' ' + squeeze(expanded[idx + used + 1]);
                ++used;
            }
            if (is_name_line(name)) {
                idx += used;
                // A rank printed before the name ("Thượng tướng Vũ Hải Sản") is not part of it: it is
                // kept as the last line of the signature block.
                std::string_view bare = strip_rank(name);
                if (bare.size() < name.size()) {
                    capacity.emplace_back(trim(std::string_view(name).substr(0, name.size() - bare.size())));
                    name = std::string(bare);
                }
                signers.push_back(Signer{std::move(name), std::move(capacity)});
                capacity.clear();
                continue;
            }
        }
        if (!capacity.empty() && is_all_caps(t) && t.size() < 120) {
            // A continuation of the authority lines ("TM. ỦY BAN NHÂN DÂN" wrapped over two lines).
            capacity.push_back(squeeze(t));
            continue;
        }
        if (in_recipients) {
            std::string_view r = t;
            if (r.starts_with("- ") || r.starts_with("– ") || r.starts_with("+ ")) r = trim(r.substr(r.find(' ')));
            else if (r.starts_with("-") || r.starts_with("–")) r = trim(r.substr(r.starts_with("-") ? 1 : 3));
            if (r == ";" || r.empty()) continue;
            // "- Lưu\n: VT, KGVX." : a line split before its colon belongs to the previous entry.
            if ((r.starts_with(":") || r.starts_with(";")) && !recipients.empty()) {
                recipients.back() += std::string(r);
                continue;
            }
            recipients.emplace_back(r);
        }
    }
}

}  // namespace vanban::detail
