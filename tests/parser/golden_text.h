// A parsed document as a reviewer reads it, for the golden files (corpus/<name>.golden): one
// line per field, section, task, agency, reference; every span shown as the text it covers, quoted
// «…» (a long one by its first and last words and its length), never as byte offsets. That the
// offsets themselves are sound is a property (tests/fuzz/span_invariants.h, PropertyTest).
#pragma once

#include <string>
#include <string_view>

#include "vanban/parser.h"

namespace vanban::test {

namespace golden {

inline std::size_t code_points(std::string_view s) {
    std::size_t n = 0;
    for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
    return n;
}

// The first `n` code points of s (from the end when `from_end`).
inline std::string_view cut(std::string_view s, std::size_t n, bool from_end) {
    std::size_t count = 0;
    if (!from_end) {
        for (std::size_t i = 0; i < s.size(); ++i) {
            if ((static_cast<unsigned char>(s[i]) & 0xC0) != 0x80 && count++ == n) return s.substr(0, i);
        }
        return s;
    }
    for (std::size_t i = s.size(); i > 0; --i) {
        if ((static_cast<unsigned char>(s[i - 1]) & 0xC0) != 0x80 && ++count == n) return s.substr(i - 1);
    }
    return s;
}

inline std::string one_line(std::string_view t) {
    std::string out;
    for (char c : t) {
        if (c == '\n') out += "⏎";
        else out += c;
    }
    return out;
}

// A value in full: «text» on one line (line breaks as ⏎).
inline std::string full(std::string_view s) { return "«" + one_line(s) + "»"; }

// A span: the text it covers, in full up to 100 characters, else as «first 40…last 40» with its length
// (the value's own words are printed in full beside it where the document holds them).
inline std::string quoted(std::string_view s) {
    std::size_t n = code_points(s);
    if (n <= 100) return full(s);
    return "«" + one_line(cut(s, 40, false)) + "…" + one_line(cut(s, 40, true)) + "» (" + std::to_string(n) + " chars)";
}

inline std::string or_dash(const std::optional<std::string>& s) { return s ? *s : "-"; }

inline std::string period(const Document& d, const Period& p) {
    return full(p.text) + " from " + or_dash(p.from) + " to " + or_dash(p.to) + (p.recurrence ? " every " + *p.recurrence : "") +
           " at " + quoted(d.slice(p.span));
}

inline void section(const Document& d, const Section& s, int depth, std::string& out) {
    std::string indent(static_cast<std::size_t>(depth) * 2, ' ');
    out += indent + "section " + std::string(to_string(s.kind)) + (s.label.empty() ? "" : " " + s.label) + " " +
           full(s.heading) + " at " + quoted(d.slice(s.span)) + "\n";
    if (!s.text.empty()) out += indent + "  text " + full(s.text) + "\n";
    for (const auto& c : s.children) section(d, c, depth + 1, out);
}

}  // namespace golden

inline std::string golden_text(const Document& d) {
    using namespace golden;
    std::string out;
    auto line = [&](const std::string& k, const std::string& v) { out += k + ": " + v + "\n"; };
    if (d.number) {
        const auto& n = *d.number;
        line("number", n.text + " (key " + n.key + "; seq " + n.seq + ", year " + (n.year ? std::to_string(*n.year) : "-") +
                           ", type " + (n.type_code.empty() ? "-" : n.type_code) + ", issuer " +
                           (n.issuer_code.empty() ? "-" : n.issuer_code) + ")");
    } else {
        line("number", "-");
    }
    line("type", or_dash(d.type));
    line("issuer", or_dash(d.issuer));
    line("issuer_parent", or_dash(d.issuer_parent));
    for (const auto& i : d.issuers) line("issuers", i);
    line("place", or_dash(d.place));
    line("date", or_dash(d.date));
    line("title", or_dash(d.title));
    line("consolidates", or_dash(d.consolidates));
    line("preamble", d.preamble ? full(d.slice(*d.preamble)) : "-");
    line("closing", d.closing ? full(d.slice(*d.closing)) : "-");
    for (const auto& b : d.bases) line("basis", full(b.text) + " at " + quoted(d.slice(b.span)));
    for (const auto& s : d.signers) {
        std::string cap;
        for (const auto& c : s.capacity) cap += (cap.empty() ? "" : " / ") + c;
        line("signer", s.name + (cap.empty() ? "" : " — " + cap));
    }
    for (const auto& r : d.recipients) line("recipient", r);
    for (const auto& s : d.sections) section(d, s, 0, out);
    for (const auto& t : d.tasks) {
        out += "task " + t.path + " " + full(t.text) + " at " + quoted(d.slice(t.span)) + "\n";
        for (const auto& a : t.agencies) {
            out += "  " + std::string(to_string(a.role)) + " " + a.canonical + " [" + a.id + "]" +
                   (a.catalogued ? "" : " not catalogued") + (a.collective ? " collective" : "") + " as " + full(a.name) +
                   " at " + quoted(d.slice(a.span)) + "\n";
        }
        if (t.deadline) out += "  deadline " + period(d, *t.deadline) + "\n";
    }
    for (const auto& r : d.references) {
        std::string flags;
        for (const auto& f : r.flags) flags += " " + f;
        out += "reference " + std::string(to_string(r.relation)) + " " + (r.number.empty() ? "-" : r.number) +
               (r.number_key != r.number ? " (key " + r.number_key + ")" : "") + " type " + or_dash(r.type) + " name " +
               or_dash(r.name) + " date " + or_dash(r.date) + " issuer " + or_dash(r.issuer) +
               (r.provision.empty() ? "" : " provision " + r.provision) + flags + " at " + quoted(d.slice(r.span)) + "\n";
    }
    line("period", d.period ? period(d, *d.period) : "-");
    for (const auto& g : d.diagnostics) line("diagnostic", g.message + " at " + quoted(d.slice(g.span)));
    return out;
}

}  // namespace vanban::test
