// Reading a request target (params.h).
#include "params.h"

#include <unicode/utf8.h>

#include <cstdint>

#include "http.h"

namespace vanban::http {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace

bool valid_utf8(std::string_view s) {
    const auto* p = reinterpret_cast<const uint8_t*>(s.data());
    int32_t i = 0, n = static_cast<int32_t>(s.size());
    while (i < n) {
        UChar32 c;
        U8_NEXT(p, i, n, c);
        if (c < 0) return false;
    }
    return true;
}

std::optional<std::string> percent_decode(std::string_view in, bool plus_is_space) {
    std::string out;
    out.reserve(in.size());
    for (std::size_t i = 0; i < in.size(); ++i) {
        char c = in[i];
        if (c == '%') {
            if (i + 2 >= in.size()) return std::nullopt;
            int hi = hex_value(in[i + 1]), lo = hex_value(in[i + 2]);
            if (hi < 0 || lo < 0) return std::nullopt;
            out += static_cast<char>(hi * 16 + lo);
            i += 2;
        } else {
            out += plus_is_space && c == '+' ? ' ' : c;
        }
    }
    return out;
}

std::vector<std::string> path_segments(std::string_view path) {
    std::vector<std::string> out;
    std::size_t pos = 1;
    while (pos <= path.size()) {
        std::size_t slash = path.find('/', pos);
        std::string_view raw = path.substr(pos, slash == std::string_view::npos ? std::string_view::npos : slash - pos);
        auto seg = percent_decode(raw, false);
        if (!seg) bad_request("the path has an invalid percent-encoding");
        if (!valid_utf8(*seg)) bad_request("the path is not valid UTF-8");
        out.push_back(std::move(*seg));
        if (slash == std::string_view::npos) break;
        pos = slash + 1;
    }
    while (!out.empty() && out.back().empty()) out.pop_back();  // "/api/search/" = "/api/search"
    return out;
}

std::string trim(std::string s) {
    auto space = [](char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; };
    while (!s.empty() && space(s.back())) s.pop_back();
    std::size_t i = 0;
    while (i < s.size() && space(s[i])) ++i;
    return s.substr(i);
}

bool same_secret(std::string_view a, std::string_view b) {
    unsigned char diff = a.size() == b.size() ? 0 : 1;
    for (std::size_t i = 0; i < a.size(); ++i) diff |= static_cast<unsigned char>(a[i] ^ (b.empty() ? 0 : b[i % b.size()]));
    return diff == 0;
}

bool is_positive_integer(std::string_view s) {
    if (s.empty() || s.size() > 18 || s[0] == '0') return false;
    for (char c : s) {
        if (c < '0' || c > '9') return false;
    }
    return true;
}

Params::Params(std::string_view query, std::initializer_list<std::string_view> known) {
    std::size_t pos = 0;
    while (pos <= query.size() && !query.empty()) {
        std::size_t amp = query.find('&', pos);
        std::string_view pair = query.substr(pos, amp == std::string_view::npos ? std::string_view::npos : amp - pos);
        pos = amp == std::string_view::npos ? query.size() + 1 : amp + 1;
        if (pair.empty()) continue;
        std::size_t eq = pair.find('=');
        auto name = percent_decode(pair.substr(0, eq), true);
        auto value = percent_decode(eq == std::string_view::npos ? std::string_view() : pair.substr(eq + 1), true);
        if (!name || !value) bad_request("the query string has an invalid percent-encoding");
        if (!valid_utf8(*name) || !valid_utf8(*value)) bad_request("the query string is not valid UTF-8");
        bool is_known = false;
        for (auto k : known) is_known = is_known || k == *name;
        if (!is_known) {
            std::string list;
            for (auto k : known) list += (list.empty() ? "" : ", ") + std::string(k);
            bad_request("unknown parameter '" + *name + "'" + (list.empty() ? "" : " (expected: " + list + ")"));
        }
        if (!values_.emplace(*name, *value).second) bad_request("parameter '" + *name + "' is given twice");
    }
}

std::string Params::get(const std::string& name) const {
    auto it = values_.find(name);
    return it == values_.end() ? std::string() : it->second;
}
int Params::integer(const std::string& name, int fallback) const {
    if (!has(name)) return fallback;
    const std::string v = get(name);
    bool ok = !v.empty() && v.size() <= 9;
    for (char c : v) ok = ok && c >= '0' && c <= '9';
    if (!ok) bad_request("'" + name + "' must be a whole number");
    return std::stoi(v);
}

bool Params::flag(const std::string& name) const {
    std::string v = get(name);
    if (!has(name) || v == "0" || v == "false") return false;
    if (v.empty() || v == "1" || v == "true") return true;
    bad_request("'" + name + "' must be 1, true, 0 or false");
}

}  // namespace vanban::http
