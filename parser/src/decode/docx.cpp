// Word (.docx) in (docx.h): Poco::Zip for the archive, libxml2 for its XML.
#include "docx.h"

#include <Poco/Exception.h>
#include <Poco/Zip/SkipCallback.h>
#include <Poco/Zip/ZipArchive.h>
#include <Poco/Zip/ZipStream.h>
#include <libxml/parser.h>
#include <libxml/tree.h>

#include <algorithm>
#include <array>
#include <map>
#include <memory>
#include <sstream>
#include <vector>

#include "rows.h"
#include "vanban/decode.h"

namespace vanban::detail {

namespace {

constexpr std::size_t kMaxEntries = 10000;
constexpr std::size_t kMaxEntryBytes = 64u << 20;
constexpr std::size_t kMaxTotalBytes = 256u << 20;

std::string_view local(const xmlNode* n) { return n->name ? reinterpret_cast<const char*>(n->name) : ""; }
bool is(const xmlNode* n, std::string_view name) { return n->type == XML_ELEMENT_NODE && local(n) == name; }

std::string attr(const xmlNode* n, const char* name) {
    // w:val and friends: the attribute by local name, whatever its namespace ("" for no element).
    if (!n) return "";
    for (const xmlAttr* a = n->properties; a; a = a->next) {
        if (a->name && std::string_view(reinterpret_cast<const char*>(a->name)) == name && a->children && a->children->content) {
            return reinterpret_cast<const char*>(a->children->content);
        }
    }
    return "";
}

const xmlNode* child(const xmlNode* n, std::string_view name) {
    for (const xmlNode* c = n ? n->children : nullptr; c; c = c->next) {
        if (is(c, name)) return c;
    }
    return nullptr;
}

int to_int(const std::string& s, int fallback) {
    try {
        return s.empty() ? fallback : std::stoi(s);
    } catch (...) {
        return fallback;
    }
}

using XmlDoc = std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)>;

XmlDoc read_xml(const std::string& xml, const char* name) {
    // No network, no DTD loading, no entity substitution: an entity bomb stays unexpanded. A damaged
    // file (a stray control character, an unclosed element) is read as far as it goes.
    XmlDoc doc(xmlReadMemory(xml.data(), static_cast<int>(xml.size()), name, nullptr,
                             XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING | XML_PARSE_RECOVER),
               xmlFreeDoc);
    return doc;
}

// An entry name that would leave the archive if extracted: absolute, a drive, or a ".." component.
bool climbs_out(const std::string& name) {
    if (name.starts_with('/') || name.find('\\') != std::string::npos || (name.size() > 1 && name[1] == ':')) return true;
    std::size_t s = 0;
    while (s <= name.size()) {
        std::size_t e = name.find('/', s);
        if (e == std::string::npos) e = name.size();
        if (name.compare(s, e - s, "..") == 0 && e - s == 2) return true;
        s = e + 1;
    }
    return false;
}

// The entries of the archive, read into memory within the limits.
class Archive {
public:
    explicit Archive(std::string_view bytes) : stream_(std::string(bytes)) {
        Poco::Zip::SkipCallback skip;
        archive_ = std::make_unique<Poco::Zip::ZipArchive>(stream_, skip);
        std::size_t n = 0;
        for (auto it = archive_->headerBegin(); it != archive_->headerEnd(); ++it) {
            if (++n > kMaxEntries) throw DecodeError("the Word file has more than 10,000 entries");
            const std::string& name = it->first;
            if (climbs_out(name)) {
                throw DecodeError("the Word file holds an entry whose name leaves the archive: " + name.substr(0, 80));
            }
        }
    }

    bool has(const std::string& name) const { return archive_->findHeader(name) != archive_->headerEnd(); }

    std::string read(const std::string& name) {
        auto it = archive_->findHeader(name);
        if (it == archive_->headerEnd()) return "";
        stream_.clear();
        Poco::Zip::ZipInputStream in(stream_, it->second, true);
        std::string out;
        std::array<char, 65536> buf;
        while (in) {
            in.read(buf.data(), buf.size());
            out.append(buf.data(), static_cast<std::size_t>(in.gcount()));
            if (out.size() > kMaxEntryBytes) throw DecodeError("the Word file's " + name + " is over 64 MiB uncompressed");
            if (total_ + out.size() > kMaxTotalBytes) throw DecodeError("the Word file is over 256 MiB uncompressed");
        }
        total_ += out.size();
        return out;
    }

private:
    std::istringstream stream_;
    std::unique_ptr<Poco::Zip::ZipArchive> archive_;
    std::size_t total_ = 0;
};

// word/numbering.xml: for each list (numId) its levels' start, format and label text.
struct Level {
    int start = 1;
    std::string format = "decimal";
    std::string text = "%1.";
};

struct Numbering {
    std::map<int, std::map<int, Level>> abstract;  // abstractNumId -> ilvl -> level
    std::map<int, int> num_to_abstract;
    std::map<int, std::array<int, 9>> counters;   // numId -> the last number given at each level (0: none yet)

    explicit Numbering(const std::string& xml) {
        if (xml.empty()) return;
        XmlDoc doc = read_xml(xml, "numbering.xml");
        const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
        if (!root) return;
        for (const xmlNode* n = root->children; n; n = n->next) {
            if (is(n, "abstractNum")) {
                int id = to_int(attr(n, "abstractNumId"), -1);
                for (const xmlNode* l = n->children; l; l = l->next) {
                    if (!is(l, "lvl")) continue;
                    Level lv;
                    lv.start = to_int(attr(child(l, "start"), "val"), 1);
                    if (const xmlNode* f = child(l, "numFmt")) lv.format = attr(f, "val");
                    if (const xmlNode* t = child(l, "lvlText")) lv.text = attr(t, "val");
                    abstract[id][to_int(attr(l, "ilvl"), 0)] = lv;
                }
            } else if (is(n, "num")) {
                num_to_abstract[to_int(attr(n, "numId"), -1)] = to_int(attr(child(n, "abstractNumId"), "val"), -1);
            }
        }
    }

    static std::string format(int v, const std::string& fmt) {
        if (fmt == "lowerLetter" || fmt == "upperLetter") {
            std::string s;
            for (int k = v; k > 0; k = (k - 1) / 26) s.insert(s.begin(), static_cast<char>('a' + (k - 1) % 26));
            if (fmt == "upperLetter") std::transform(s.begin(), s.end(), s.begin(), ::toupper);
            return s;
        }
        if (fmt == "lowerRoman" || fmt == "upperRoman") {
            static const std::pair<int, const char*> r[] = {{1000, "m"}, {900, "cm"}, {500, "d"}, {400, "cd"}, {100, "c"},
                                                            {90, "xc"},  {50, "l"},   {40, "xl"}, {10, "x"},   {9, "ix"},
                                                            {5, "v"},    {4, "iv"},   {1, "i"}};
            std::string s;
            for (auto [n, t] : r) {
                while (v >= n) s += t, v -= n;
            }
            if (fmt == "upperRoman") std::transform(s.begin(), s.end(), s.begin(), ::toupper);
            return s;
        }
        if (fmt == "decimalZero") return (v < 10 ? "0" : "") + std::to_string(v);
        return std::to_string(v);
    }

    // The label of the next paragraph of list numId at level ilvl ("" when none), counting it.
    std::string next(int num_id, int ilvl) {
        auto a = num_to_abstract.find(num_id);
        if (a == num_to_abstract.end() || ilvl < 0 || ilvl > 8) return "";
        auto& levels = abstract[a->second];
        auto& c = counters[num_id];
        const Level& lv = levels[ilvl];
        if (lv.format == "none") return "";
        c[ilvl] = c[ilvl] == 0 ? lv.start : c[ilvl] + 1;
        for (int k = ilvl + 1; k < 9; ++k) c[k] = 0;  // deeper levels start again
        if (lv.format == "bullet") return "-";
        std::string out;
        for (std::size_t i = 0; i < lv.text.size(); ++i) {
            if (lv.text[i] == '%' && i + 1 < lv.text.size() && lv.text[i + 1] >= '1' && lv.text[i + 1] <= '9') {
                int k = lv.text[i + 1] - '1';
                const Level& kl = levels[k];
                out += format(c[k] == 0 ? kl.start : c[k], k == ilvl ? lv.format : kl.format);
                ++i;
            } else {
                out += lv.text[i];
            }
        }
        return out;
    }
};

class Writer {
public:
    explicit Writer(Numbering& numbering) : numbering_(numbering) {}

    void block(const xmlNode* n, int depth) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (depth > 100) break;  // deeper than Word nests: left out
            if (is(c, "p")) paragraph(c);
            else if (is(c, "tbl")) table(c, depth);
            else if (is(c, "sdt")) {
                if (const xmlNode* content = child(c, "sdtContent")) block(content, depth + 1);
            } else if (is(c, "customXml") || is(c, "smartTag")) block(c, depth + 1);
        }
    }

    std::string text() const {
        std::string out = out_;
        while (!out.empty() && (out.back() == '\n' || out.back() == ' ')) out.pop_back();
        return out;
    }

private:
    void paragraph(const xmlNode* p) {
        std::string line;
        if (const xmlNode* ppr = child(p, "pPr")) {
            if (const xmlNode* num = child(ppr, "numPr")) {
                int id = to_int(attr(child(num, "numId"), "val"), -1);
                int lvl = to_int(attr(child(num, "ilvl"), "val"), 0);
                std::string label = id > 0 ? numbering_.next(id, lvl) : "";
                if (!label.empty()) line = label + " ";
            }
        }
        runs(p, line, 0);
        out_ += line;
        out_ += '\n';
    }

    // The text of a paragraph's runs, hyperlinks, insertions and fields' results; not deleted text,
    // field codes, comments' marks or footnotes.
    void runs(const xmlNode* n, std::string& line, int depth) {
        for (const xmlNode* c = n->children; c; c = c->next) {
            if (c->type != XML_ELEMENT_NODE || depth > 50) continue;
            std::string_view nm = local(c);
            if (nm == "t") {
                for (const xmlNode* t = c->children; t; t = t->next) {
                    if (t->type == XML_TEXT_NODE && t->content) line += reinterpret_cast<const char*>(t->content);
                }
            } else if (nm == "tab") {
                line += '\t';
            } else if (nm == "br" || nm == "cr") {
                line += '\n';
            } else if (nm == "noBreakHyphen") {
                line += '-';
            } else if (nm == "r" || nm == "hyperlink" || nm == "ins" || nm == "smartTag" || nm == "fldSimple" ||
                       nm == "customXml" || nm == "sdt" || nm == "sdtContent") {
                runs(c, line, depth + 1);
            } else if (nm == "AlternateContent") {
                if (const xmlNode* choice = child(c, "Choice")) runs(choice, line, depth + 1);
            }
            // del, delText, instrText, pPr, rPr, footnoteReference, commentReference: nothing
        }
    }

    // A table row by row, as table_row_text writes a row.
    void table(const xmlNode* t, int depth) {
        out_ += '\n';
        for (const xmlNode* r = t->children; r; r = r->next) {
            if (!is(r, "tr")) continue;
            std::vector<std::string> cells;
            for (const xmlNode* c = r->children; c; c = c->next) {
                if (!is(c, "tc")) continue;
                Writer w(numbering_);
                w.block(c, depth + 1);
                cells.push_back(w.text());
            }
            out_ += table_row_text(cells);
        }
        out_ += '\n';
    }

    Numbering& numbering_;
    std::string out_;
};

}  // namespace

bool looks_like_zip(std::string_view b) { return b.starts_with("PK\x03\x04"); }

std::string docx_to_text(std::string_view bytes) {
    try {
        Archive zip(bytes);
        if (!zip.has("word/document.xml")) {
            throw DecodeError("it is a ZIP archive without word/document.xml, not a Word (.docx) file");
        }
        Numbering numbering(zip.has("word/numbering.xml") ? zip.read("word/numbering.xml") : "");
        std::string xml = zip.read("word/document.xml");
        XmlDoc doc = read_xml(xml, "document.xml");
        const xmlNode* root = doc ? xmlDocGetRootElement(doc.get()) : nullptr;
        const xmlNode* body = child(root, "body");
        if (!body) throw DecodeError("the Word file's document.xml cannot be read (damaged, or not WordprocessingML)");
        Writer w(numbering);
        w.block(body, 0);
        return w.text();
    } catch (const DecodeError&) {
        throw;
    } catch (const Poco::Exception& e) {
        throw DecodeError("the Word file cannot be read: " + e.displayText());
    } catch (const std::exception& e) {
        throw DecodeError(std::string("the Word file cannot be read: ") + e.what());
    }
}

}  // namespace vanban::detail
