// HTML in (html.h), with libxml2's HTML parser.
#include "html.h"

#include "rows.h"

#include <libxml/HTMLparser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <cctype>
#include <memory>
#include <unordered_map>
#include <vector>

namespace vanban::detail {

namespace {

std::string lower(std::string_view s) {
    std::string out(s);
    for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return out;
}

std::string_view name_of(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }

bool is(const xmlNode* n, std::initializer_list<std::string_view> names) {
    if (n->type != XML_ELEMENT_NODE) return false;
    std::string_view nm = name_of(n);
    return std::find(names.begin(), names.end(), nm) != names.end();
}

std::string attr(const xmlNode* n, const char* name) {
    xmlChar* v = xmlGetProp(n, reinterpret_cast<const xmlChar*>(name));
    if (!v) return "";
    std::string s(reinterpret_cast<const char*>(v));
    xmlFree(v);
    return s;
}

// Elements that hold no document text.
bool furniture_element(const xmlNode* n) {
    return is(n, {"script", "style", "noscript", "template", "iframe", "object", "embed", "svg", "canvas", "nav", "aside",
                  "header", "footer", "button", "select", "input", "textarea", "head", "map", "video", "audio"});
}

// Elements whose class or id names site furniture: a menu, a share bar, comments, an advertisement.
bool furniture_by_name(const xmlNode* n) {
    static constexpr std::string_view kWords[] = {"menu", "nav", "navbar", "breadcrumb", "breadcrumbs", "footer", "sidebar",
                                                  "share", "social", "comment", "comments", "advert", "advertisement", "ads",
                                                  "banner", "related", "login", "cookie", "popup", "modal", "toolbar"};
    for (const char* a : {"class", "id"}) {
        std::string v = lower(attr(n, a));
        std::size_t i = 0;
        while (i < v.size()) {
            while (i < v.size() && !std::isalnum(static_cast<unsigned char>(v[i]))) ++i;
            std::size_t s = i;
            while (i < v.size() && std::isalnum(static_cast<unsigned char>(v[i]))) ++i;
            std::string_view w = std::string_view(v).substr(s, i - s);
            if (std::find(std::begin(kWords), std::end(kWords), w) != std::end(kWords)) return true;
        }
    }
    return false;
}

bool furniture(const xmlNode* n) { return n->type == XML_ELEMENT_NODE && (furniture_element(n) || furniture_by_name(n)); }

// Takes the furniture out of the tree once, so that the passes below need not ask again; comments and
// processing instructions go too.
void prune(xmlNode* root) {
    std::vector<xmlNode*> doomed;
    std::vector<xmlNode*> stack{root};
    while (!stack.empty()) {
        xmlNode* n = stack.back();
        stack.pop_back();
        for (xmlNode* c = n->children; c; c = c->next) {
            if (furniture(c) || c->type == XML_COMMENT_NODE || c->type == XML_PI_NODE) doomed.push_back(c);
            else stack.push_back(c);
        }
    }
    for (xmlNode* n : doomed) {
        xmlUnlinkNode(n);
        xmlFreeNode(n);
    }
}

bool is_block(const xmlNode* n) {
    return is(n, {"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "section", "article", "main", "blockquote",
                  "center", "dd", "dt", "dl", "form", "body", "html", "pre", "tr", "td", "th", "table", "thead", "tbody",
                  "tfoot", "address", "figure", "br"});
}

// Non-space text bytes of an element's own inline content (its text and inline elements', not links',
// not nested blocks'), without recursion.
std::size_t inline_text(const xmlNode* e) {
    std::size_t n = 0;
    std::vector<const xmlNode*> stack;
    for (const xmlNode* c = e->children; c; c = c->next) stack.push_back(c);
    while (!stack.empty()) {
        const xmlNode* x = stack.back();
        stack.pop_back();
        if (x->type == XML_TEXT_NODE && x->content) {
            for (const xmlChar* p = x->content; *p; ++p) n += !std::isspace(*p);
            continue;
        }
        if (x->type != XML_ELEMENT_NODE || is_block(x) || is(x, {"a"})) continue;
        for (const xmlNode* c = x->children; c; c = c->next) stack.push_back(c);
    }
    return n;
}

// The element that holds the document: each block with text of its own credits its container (the
// block's parent, or a table's parent for text in its cells) with that text, and the container's
// parent with half of it; the element with the most credit wins (readability's rule). A wrapper around
// the document gets half, a menu's links nothing.
const xmlNode* main_content(const xmlNode* root) {
    std::unordered_map<const xmlNode*, double> credit;
    std::vector<const xmlNode*> order;
    std::vector<const xmlNode*> stack{root};
    while (!stack.empty()) {
        const xmlNode* n = stack.back();
        stack.pop_back();
        if (n->type != XML_ELEMENT_NODE) continue;
        for (const xmlNode* c = n->children; c; c = c->next) stack.push_back(c);
        if (!is_block(n)) continue;
        std::size_t t = inline_text(n);
        if (t == 0) continue;
        // Text in a table's cells credits the table's container (a few levels up at most).
        const xmlNode* p = n;
        for (int up = 0; up < 8 && p->parent && p->parent->type == XML_ELEMENT_NODE; ++up) {
            if (is(p->parent, {"table"})) {
                p = p->parent;
                break;
            }
            if (!is(p->parent, {"td", "th", "tr", "tbody", "thead", "tfoot", "p", "div", "span", "b", "strong", "font"})) break;
            p = p->parent;
        }
        if (!is(p, {"table"})) p = n;
        const xmlNode* container = p->parent && p->parent->type == XML_ELEMENT_NODE ? p->parent : p;
        auto add = [&](const xmlNode* e, double v) {
            auto [it, fresh] = credit.try_emplace(e, 0.0);
            if (fresh) order.push_back(e);
            it->second += v;
        };
        add(container, static_cast<double>(t));
        if (container->parent && container->parent->type == XML_ELEMENT_NODE) add(container->parent, static_cast<double>(t) / 2);
    }
    const xmlNode* best = root;
    double best_credit = -1;
    for (const xmlNode* n : order) {  // in the order found, so that a tie always goes the same way
        double score = is(n, {"article", "main"}) ? credit[n] * 1.2 : credit[n];
        if (score > best_credit) best_credit = score, best = n;
    }
    return best;
}

// Non-space text bytes below each node, and those inside links, in one pass without recursion.
struct Weight {
    std::size_t text = 0, links = 0;
};

std::unordered_map<const xmlNode*, Weight> weigh(const xmlNode* root) {
    std::unordered_map<const xmlNode*, Weight> w;
    std::vector<std::pair<const xmlNode*, bool>> stack{{root, false}};
    while (!stack.empty()) {
        auto [n, done] = stack.back();
        stack.pop_back();
        if (!done) {
            stack.emplace_back(n, true);
            for (const xmlNode* c = n->children; c; c = c->next) stack.emplace_back(c, false);
            continue;
        }
        Weight me;
        if (n->type == XML_TEXT_NODE && n->content) {
            for (const xmlChar* p = n->content; *p; ++p) me.text += !std::isspace(*p);
        }
        const bool link = is(n, {"a"});
        for (const xmlNode* c = n->children; c; c = c->next) {
            auto it = w.find(c);
            if (it == w.end()) continue;
            me.text += it->second.text;
            me.links += link ? it->second.text : it->second.links;
        }
        w[n] = me;
    }
    return w;
}

// The document's parts beside its body: the header and signature tables usually stand next to the
// paragraphs in the same container. From the best candidate up (four levels at most, not past <body>),
// a container is taken while what it adds is little (at most half the text so far) and not links.
const xmlNode* widen(const xmlNode* best, const std::unordered_map<const xmlNode*, Weight>& w) {
    auto weight = [&](const xmlNode* n) {
        auto it = w.find(n);
        return it == w.end() ? Weight{} : it->second;
    };
    Weight here = weight(best);
    for (int up = 0; up < 4 && best->parent && best->parent->type == XML_ELEMENT_NODE && !is(best, {"body", "html"}); ++up) {
        Weight parent = weight(best->parent);
        std::size_t extra = parent.text - here.text, extra_links = parent.links - here.links;
        if (extra > here.text / 2 || extra_links * 10 > extra * 3) break;
        best = best->parent;
        here = parent;
    }
    return best;
}

// The text of a node and all below it, whitespace collapsed, without recursion (for very deep input).
void flat_text(const xmlNode* n, std::string& out) {
    std::vector<const xmlNode*> stack{n};
    while (!stack.empty()) {
        const xmlNode* x = stack.back();
        stack.pop_back();
        if (x->type == XML_TEXT_NODE && x->content) {
            out += reinterpret_cast<const char*>(x->content);
            out += ' ';
        }
        std::vector<const xmlNode*> kids;
        for (const xmlNode* c = x->children; c; c = c->next) kids.push_back(c);
        for (auto it = kids.rbegin(); it != kids.rend(); ++it) stack.push_back(*it);
    }
}

class Writer {
public:
    std::string text() {
        end_line();
        std::string out;
        // At most one blank line in a row, none at either end.
        std::size_t blank = 0;
        for (std::size_t s = 0; s < buf_.size();) {
            std::size_t e = buf_.find('\n', s);
            if (e == std::string::npos) e = buf_.size();
            std::string_view line = std::string_view(buf_).substr(s, e - s);
            while (!line.empty() && (line.back() == ' ' || line.back() == '\t')) line.remove_suffix(1);
            while (!line.empty() && line.front() == ' ') line.remove_prefix(1);
            if (line.empty()) {
                ++blank;
            } else {
                if (!out.empty()) out += blank > 0 ? "\n\n" : "\n";
                out += line;
                blank = 0;
            }
            s = e + 1;
        }
        return out;
    }

    void node(const xmlNode* n, int depth) {
        if (n->type == XML_TEXT_NODE || n->type == XML_CDATA_SECTION_NODE) {
            text_of(n);
            return;
        }
        if (n->type != XML_ELEMENT_NODE) return;
        if (depth > 200) {  // deeper than any real page: its text, flat
            std::string t;
            flat_text(n, t);
            append(t);
            return;
        }
        std::string_view nm = name_of(n);
        if (nm == "br") {
            end_line(true);
            return;
        }
        if (nm == "table") {
            table(n, depth);
            return;
        }
        if (nm == "pre") ++pre_;
        bool block = is_block(n);
        if (block) end_line();
        if (nm == "li") list_marker(n);
        if (nm == "ol" || nm == "ul") lists_.push_back({nm == "ol", attr(n, "type"), 0});
        for (const xmlNode* c = n->children; c; c = c->next) node(c, depth + 1);
        if (nm == "ol" || nm == "ul") lists_.pop_back();
        if (nm == "pre") --pre_;
        if (block) end_line();
        if (is(n, {"p", "h1", "h2", "h3", "h4", "h5", "h6"})) blank_line();
    }

private:
    struct List {
        bool ordered;
        std::string type;
        int n;
    };

    void text_of(const xmlNode* n) {
        if (!n->content) return;
        std::string_view t = reinterpret_cast<const char*>(n->content);
        if (pre_ > 0) {
            buf_ += t;
            return;
        }
        append(t);
    }

    // Text with HTML's whitespace rule: any run of spaces, tabs and newlines is one space.
    void append(std::string_view t) {
        for (char c : t) {
            bool space = c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f';
            if (space) {
                if (!buf_.empty() && buf_.back() != ' ' && buf_.back() != '\n' && buf_.back() != '\t') buf_ += ' ';
            } else {
                buf_ += c;
            }
        }
    }

    void end_line(bool always = false) {
        if (always || (!buf_.empty() && buf_.back() != '\n')) buf_ += '\n';
    }
    void blank_line() {
        end_line();
        buf_ += '\n';
    }

    // "1. ", "a) " before an item of an ordered list (as a browser shows it), "- " before a bullet.
    void list_marker(const xmlNode*) {
        if (lists_.empty()) return;
        List& l = lists_.back();
        ++l.n;
        if (!l.ordered) {
            buf_ += "- ";
        } else if (l.type == "a" && l.n <= 26) {
            buf_ += std::string(1, static_cast<char>('a' + l.n - 1)) + ") ";
        } else {
            buf_ += std::to_string(l.n) + ". ";
        }
    }

    // A table row by row, as table_row_text writes a row.
    void table(const xmlNode* t, int depth) {
        blank_line();
        std::vector<const xmlNode*> rows;  // of this table, not of tables inside its cells
        for (const xmlNode* c = t->children; c; c = c->next) {
            if (is(c, {"tr"})) rows.push_back(c);
            if (!is(c, {"thead", "tbody", "tfoot"})) continue;
            for (const xmlNode* r = c->children; r; r = r->next) {
                if (is(r, {"tr"})) rows.push_back(r);
            }
        }
        for (const xmlNode* r : rows) {
            std::vector<std::string> cells;
            for (const xmlNode* c = r->children; c; c = c->next) {
                if (!is(c, {"td", "th"})) continue;
                Writer w;
                w.pre_ = pre_;
                for (const xmlNode* k = c->children; k; k = k->next) w.node(k, depth + 2);
                cells.push_back(w.text());
            }
            end_line();
            buf_ += table_row_text(cells);
        }
        blank_line();
    }

    std::string buf_;
    int pre_ = 0;
    std::vector<List> lists_;
};

}  // namespace

bool looks_like_html(std::string_view b) {
    if (b.starts_with("\xEF\xBB\xBF")) b.remove_prefix(3);
    std::size_t i = 0;
    while (i < b.size() && std::isspace(static_cast<unsigned char>(b[i]))) ++i;
    if (i >= b.size() || b[i] != '<') return false;
    std::string head = lower(b.substr(i, 1024));
    if (head.starts_with("<!doctype html") || head.starts_with("<html") || head.starts_with("<?xml")) {
        return head.starts_with("<?xml") ? head.find("<html") != std::string::npos : true;
    }
    for (std::string_view tag : {"<head", "<body", "<div", "<p>", "<p ", "<table", "<meta", "<title", "<article", "<section", "<!--"}) {
        if (head.starts_with(tag)) return true;
    }
    return false;
}

std::string declared_charset(std::string_view bytes) {
    std::string head = lower(bytes.substr(0, 4096));
    for (std::size_t p = head.find("<meta"); p != std::string::npos; p = head.find("<meta", p + 5)) {
        std::size_t end = head.find('>', p);
        std::string_view tag = std::string_view(head).substr(p, end == std::string::npos ? std::string::npos : end - p);
        std::size_t c = tag.find("charset=");
        if (c == std::string_view::npos) continue;
        std::size_t s = c + 8;
        while (s < tag.size() && (tag[s] == '"' || tag[s] == '\'' || tag[s] == ' ')) ++s;
        std::size_t e = s;
        while (e < tag.size() && (std::isalnum(static_cast<unsigned char>(tag[e])) || tag[e] == '-' || tag[e] == '_')) ++e;
        if (e > s) return std::string(tag.substr(s, e - s));
    }
    return "";
}

std::string html_to_text(std::string_view utf8) {
    int options = HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING | HTML_PARSE_RECOVER | HTML_PARSE_IGNORE_ENC;
    std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
        htmlReadMemory(utf8.data(), static_cast<int>(std::min<std::size_t>(utf8.size(), 0x7fffffff)), nullptr, "UTF-8", options),
        xmlFreeDoc);
    if (!doc) return "";
    xmlNode* root = xmlDocGetRootElement(doc.get());
    if (!root) return "";
    prune(root);
    const xmlNode* content = widen(main_content(root), weigh(root));
    Writer w;
    w.node(content, 0);
    return w.text();
}

}  // namespace vanban::detail
