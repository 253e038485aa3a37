// vanban::read_akn: an Akoma Ntoso 3.0 document read back into a Document. Its lines are taken in
// document order (a p is a line; a hierarchy's num and heading are its heading line; eol and br break
// a line), the preface's lines are the header; the header's fields come from the FRBR identification
// and our proprietary block (the preface's docNumber, docDate, docType and docTitle for a document
// that has none), and the rest is read from the lines by the same passes as parse() (zones.h).
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <map>
#include <memory>
#include <optional>

#include "../doc_types.h"
#include "../normalize.h"
#include "../text.h"
#include "../zones.h"
#include "names.h"
#include "vanban/akn.h"
#include "vanban/decode.h"

namespace vanban {

namespace {

using namespace detail;

struct XmlDocFree {
    void operator()(xmlDoc* d) const { xmlFreeDoc(d); }
};
struct CtxtFree {
    void operator()(xmlParserCtxt* c) const { xmlFreeParserCtxt(c); }
};

bool is(const xmlNode* n, const char* name) {
    return n && n->type == XML_ELEMENT_NODE && n->ns && std::strcmp(reinterpret_cast<const char*>(n->ns->href), akn::kNamespace) == 0 &&
           std::strcmp(reinterpret_cast<const char*>(n->name), name) == 0;
}

std::string attr(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, BAD_CAST name);
    if (!v) return {};
    std::string out(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return out;
}

const xmlNode* child(const xmlNode* n, const char* name) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
        if (is(c, name)) return c;
    }
    return nullptr;
}

// The text of inline content: text as written (a line break in a text node is layout, a space),
// eol and br as line breaks.
void inline_text(const xmlNode* n, std::string& out) {
    for (const xmlNode* c = n->children; c; c = c->next) {
        if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
            for (const char* p = reinterpret_cast<const char*>(c->content); p && *p; ++p) out += (*p == '\n' || *p == '\r') ? ' ' : *p;
        } else if (is(c, "eol") || is(c, "br")) {
            out += '\n';
        } else if (c->type == XML_ELEMENT_NODE) {
            inline_text(c, out);
        }
    }
}

std::string inline_text(const xmlNode* n) {
    std::string out;
    inline_text(n, out);
    return out;
}

// What the preface says of the header, for a document whose identification does not.
struct PrefaceFields {
    std::string number, date, type, title;
};

class Reader {
public:
    std::vector<std::string> lines;
    std::size_t preface_lines = 0;
    PrefaceFields preface;

    // The lines of a document element (act, doc, ...), its meta left out.
    void document(const xmlNode* d) {
        for (const xmlNode* c = d->children; c; c = c->next) {
            if (is(c, "meta") || c->type != XML_ELEMENT_NODE) continue;
            in_preface_ = is(c, "preface") && !seen_preface_;
            block(c);
            if (in_preface_) preface_lines = lines.size(), seen_preface_ = true;
            in_preface_ = false;
        }
    }

private:
    bool in_preface_ = false, seen_preface_ = false;
    std::string prefix_;  // a num that begins the next line

    void add(const std::string& given) {
        std::string text = prefix_.empty() ? given : prefix_ + given;
        prefix_.clear();
        std::size_t at = 0;
        while (at <= text.size()) {
            std::size_t nl = text.find('\n', at);
            if (nl == std::string::npos) nl = text.size();
            std::string_view l = std::string_view(text).substr(at, nl - at);
            while (!l.empty() && l.front() == ' ') l.remove_prefix(1);
            while (!l.empty() && l.back() == ' ') l.remove_suffix(1);
            if (!l.empty()) lines.emplace_back(l);
            at = nl + 1;
        }
    }

    void note_preface(const xmlNode* n) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if (is(c, "docNumber") && preface.number.empty()) preface.number = inline_text(c);
            if (is(c, "docDate") && preface.date.empty()) preface.date = attr(c, "date");
            if (is(c, "docType") && preface.type.empty()) preface.type = inline_text(c);
            if (is(c, "docTitle")) preface.title += (preface.title.empty() ? "" : " ") + inline_text(c);
            note_preface(c);
        }
    }

    // A block or a container: a p is a line, and so is a list item or a table row (its cells
    // separated by tabs); num + heading the heading line; other elements are walked for theirs.
    void block(const xmlNode* n) {
        if (is(n, "p") || (is(n, "li") && !child(n, "p"))) {
            if (in_preface_) note_preface(n);
            add(inline_text(n));
            return;
        }
        if (is(n, "tr")) {
            std::string row;
            for (const xmlNode* c = n->children; c; c = c->next) {
                if (is(c, "td") || is(c, "th")) row += (row.empty() ? "" : "\t") + inline_text(c);
            }
            add(row);
            return;
        }
        if (is(n, "meta") || is(n, "componentRef") || is(n, "documentRef")) return;
        std::optional<std::string> header;
        auto flush = [&] {
            if (header) add(*header);
            header.reset();
        };
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE) continue;
            if ((is(c, "content") || is(c, "intro")) && header && !header->empty() && header->back() != '\n') {
                // A num with no heading and no eol after it ("1." then content) begins the content's first line.
                prefix_ = *header + " ";
                header.reset();
                block(c);
                if (!prefix_.empty()) add(std::string(prefix_)), prefix_.clear();
                continue;
            }
            if (is(c, "num")) {
                flush();
                header = inline_text(c);
            } else if (is(c, "heading")) {
                std::string h = inline_text(c);
                if (!header || header->empty()) header = h;
                else if (header->back() == '\n') *header += h;
                else *header += " " + h;
                flush();
            } else if (is(c, "subheading")) {
                flush();
                add(inline_text(c));
            } else {
                flush();
                block(c);
            }
        }
        flush();
    }
};

struct Meta {
    std::string number, date, type, title, place, issuer_parent, consolidates;
    std::optional<DocumentNumber> parts;  // the number's parts as our proprietary block gives them
    std::vector<std::string> issuers;
};

Meta read_meta(const xmlNode* meta) {
    Meta m;
    std::map<std::string, std::string> shown;  // TLC eId -> showAs
    for (const xmlNode* refs = meta ? meta->children : nullptr; refs; refs = refs->next) {
        if (!is(refs, "references")) continue;
        for (const xmlNode* t = refs->children; t; t = t->next) {
            if (t->type == XML_ELEMENT_NODE) shown[attr(t, "eId")] = attr(t, "showAs");
        }
    }
    const xmlNode* work = child(child(meta, "identification"), "FRBRWork");
    for (const xmlNode* c = work ? work->children : nullptr; c; c = c->next) {
        if (is(c, "FRBRnumber") && m.number.empty()) m.number = attr(c, "value");
        if (is(c, "FRBRname") && m.title.empty()) m.title = attr(c, "value");
        if (is(c, "FRBRsubtype")) m.type = attr(c, "showAs");
        if (is(c, "FRBRdate") && attr(c, "name") != "unknown" && m.date.empty()) m.date = attr(c, "date").substr(0, 10);
        if (is(c, "FRBRauthor")) {
            std::string href = attr(c, "href");
            if (href.starts_with('#')) href.erase(0, 1);
            auto it = shown.find(href);
            if (it != shown.end() && !it->second.empty() && href != "issuer_unknown" && href != "vanban") m.issuers.push_back(it->second);
        }
    }
    for (const xmlNode* p = meta ? meta->children : nullptr; p; p = p->next) {
        if (!is(p, "proprietary")) continue;
        for (const xmlNode* v = p->children; v; v = v->next) {
            if (v->type != XML_ELEMENT_NODE || !v->ns || std::strcmp(reinterpret_cast<const char*>(v->ns->href), akn::kVanbanNamespace) != 0) continue;
            m.place = attr(v, "place");
            if (xmlHasProp(v, BAD_CAST "number_key")) {
                DocumentNumber n;
                n.key = attr(v, "number_key");
                n.seq = attr(v, "number_seq");
                if (std::string y = attr(v, "number_year"); !y.empty() && y.size() <= 4 && y.find_first_not_of("0123456789") == std::string::npos) {
                    n.year = std::stoi(y);
                }
                n.type_code = attr(v, "number_type_code");
                n.issuer_code = attr(v, "number_issuer_code");
                m.parts = n;
            }
            m.issuer_parent = attr(v, "issuer_parent");
            m.consolidates = attr(v, "consolidates");
        }
    }
    return m;
}

std::optional<std::string> opt(const std::string& s) { return s.empty() ? std::nullopt : std::optional<std::string>(s); }

// The header's fields: the identification's, else the preface's.
void set_fields(Document& d, const Meta& m, const PrefaceFields& p) {
    const std::string& number = m.number.empty() ? p.number : m.number;
    d.number.reset();
    if (!number.empty() && m.parts && number == m.number) {
        d.number = *m.parts;
        d.number->text = number;
    } else if (!number.empty()) {
        d.number = parse_number(number);
        if (!d.number) d.number = DocumentNumber{number, number_key(number), {}, std::nullopt, {}, {}};
    }
    std::string type = m.type;
    if (type.empty() && !p.type.empty()) {
        for (const DocTypeRow& row : doc_type_rows()) {
            if (!row.name.empty() && row.folded == fold(p.type)) type = std::string(row.name);
        }
    }
    d.type = opt(type);
    d.date = opt(m.date.empty() ? p.date.substr(0, std::min<std::size_t>(p.date.size(), 10)) : m.date);
    d.title = opt(m.title.empty() ? p.title : m.title);
    d.issuers = m.issuers;
    d.issuer = m.issuers.empty() ? std::nullopt : std::optional<std::string>(m.issuers.front());
    d.issuer_parent = opt(m.issuer_parent);
    d.place = opt(m.place);
    d.consolidates = opt(m.consolidates);
}

}  // namespace

bool looks_like_akn(std::string_view bytes) {
    std::string_view head = bytes.substr(0, 4096);
    if (head.starts_with("\xEF\xBB\xBF")) head.remove_prefix(3);
    std::size_t i = head.find_first_not_of(" \t\r\n");
    if (i == std::string_view::npos || head[i] != '<') return false;
    std::size_t root = head.find("<akomaNtoso");
    if (root == std::string_view::npos) root = head.find(":akomaNtoso");
    return root != std::string_view::npos && head.find(akn::kNamespace) != std::string_view::npos;
}

Document read_akn(std::string_view xml, const ParseOptions& options) {
    if (xml.size() > static_cast<std::size_t>(INT32_MAX)) throw DecodeError("the XML file is too large");
    std::unique_ptr<xmlParserCtxt, CtxtFree> ctxt(xmlNewParserCtxt());
    if (!ctxt) throw std::bad_alloc();
    // No network, no DTD, no entity substitution (an entity is left as it is, never fetched or expanded).
    std::unique_ptr<xmlDoc, XmlDocFree> x(xmlCtxtReadMemory(ctxt.get(), xml.data(), static_cast<int>(xml.size()), "document.xml",
                                                            nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING));
    if (!x) {
        const xmlError* e = xmlCtxtGetLastError(ctxt.get());
        std::string msg = e && e->message ? std::string(e->message) : std::string("unreadable");
        while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
        throw DecodeError("not well-formed XML" + (e ? " (line " + std::to_string(e->line) + ")" : std::string()) + ": " + msg);
    }
    const xmlNode* root = xmlDocGetRootElement(x.get());
    if (!is(root, "akomaNtoso")) {
        throw DecodeError("not an Akoma Ntoso 3.0 document: the root is <" +
                          std::string(root ? reinterpret_cast<const char*>(root->name) : "") + "> (expected akomaNtoso in " + akn::kNamespace + ")");
    }
    const xmlNode* top = nullptr;
    for (const xmlNode* c = root->children; c && !top; c = c->next) {
        if (c->type == XML_ELEMENT_NODE) top = c;
    }
    if (!top || !child(top, "meta")) throw DecodeError("an Akoma Ntoso document without a document element and its meta");

    Reader r;
    r.document(top);
    Meta meta = read_meta(child(top, "meta"));

    // The lines as parse() would hold them: normalized text, one line per paragraph.
    // (Tabs separate a table row's cells, as the cleaner writes them: normalize() would make them spaces.)
    std::string text;
    for (const auto& l : r.lines) {
        if (!text.empty()) text += '\n';
        for (std::size_t at = 0; at <= l.size();) {
            std::size_t tab = std::min(l.find('\t', at), l.size());
            text += normalize(std::string_view(l).substr(at, tab - at)).text;
            if (tab < l.size()) text += '\t';
            at = tab + 1;
        }
    }
    std::vector<Line> lines;
    std::size_t preface = 0;
    for (std::size_t at = 0, i = 0; at <= text.size() && !text.empty(); ++i) {
        std::size_t nl = text.find('\n', at);
        if (nl == std::string::npos) nl = text.size();
        lines.push_back(Line{text.substr(at, nl - at), false});
        if (i < r.preface_lines) preface = lines.size();
        at = nl + 1;
    }

    Document d;
    std::vector<std::size_t> offsets = join_lines(lines, d.text);
    set_fields(d, meta, r.preface);
    read_zones(d, lines, offsets, find_zones(lines, preface));
    set_fields(d, meta, r.preface);  // the consolidation stamp's reading is the identification's already
    read_content(d, options);
    add_missing_fields(d);
    return d;
}

}  // namespace vanban
