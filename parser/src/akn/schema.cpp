// The RELAX NG schema of our Akoma Ntoso subset (parser/data/akn.rng, compiled in) and validation
// against it with libxml2.
#include <libxml/parser.h>
#include <libxml/relaxng.h>

#include <memory>
#include <mutex>
#include <stdexcept>

#include "vanban/akn.h"

namespace vanban {

namespace detail {
extern const unsigned char kAknRng[];
extern const std::size_t kAknRng_size;
}  // namespace detail

namespace {

struct Schema {
    xmlRelaxNGPtr grammar = nullptr;
    std::mutex mutex;  // a validation at a time: libxml2 does not promise that one grammar serves two threads

    Schema() {
        std::string_view rng = akn_schema();
        xmlRelaxNGParserCtxtPtr ctxt = xmlRelaxNGNewMemParserCtxt(rng.data(), static_cast<int>(rng.size()));
        if (ctxt) grammar = xmlRelaxNGParse(ctxt);
        xmlRelaxNGFreeParserCtxt(ctxt);
        if (!grammar) throw std::logic_error("the compiled-in Akoma Ntoso schema (parser/data/akn.rng) does not parse");
    }
    ~Schema() { xmlRelaxNGFree(grammar); }
};

// libxml2's structured error callback (xmlStructuredErrorFunc; 2.9 passes it non-const): C calls it,
// so nothing may leave it; a message lost to a failed allocation still leaves the result invalid.
void collect(void* data, xmlErrorPtr error) noexcept {
    auto* out = static_cast<std::vector<std::string>*>(data);
    try {
        std::string msg = error && error->message ? error->message : "invalid";
        while (!msg.empty() && msg.back() == '\n') msg.pop_back();
        out->push_back(std::to_string(error ? error->line : 0) + ": " + msg);
    } catch (...) {
    }
}

}  // namespace

std::string_view akn_schema() {
    return std::string_view(reinterpret_cast<const char*>(detail::kAknRng), detail::kAknRng_size);
}

std::vector<std::string> validate_akn(std::string_view xml) {
    static Schema schema;
    std::vector<std::string> errors;
    std::unique_ptr<xmlDoc, void (*)(xmlDocPtr)> doc(
        xmlReadMemory(xml.data(), static_cast<int>(xml.size()), "document.xml", nullptr, XML_PARSE_NONET | XML_PARSE_NOERROR | XML_PARSE_NOWARNING),
        xmlFreeDoc);
    if (!doc) {
        const xmlError* e = xmlGetLastError();
        errors.push_back(std::string("not well-formed XML: ") + (e && e->message ? e->message : ""));
        return errors;
    }
    std::lock_guard lock(schema.mutex);
    xmlRelaxNGValidCtxtPtr ctxt = xmlRelaxNGNewValidCtxt(schema.grammar);
    if (!ctxt) throw std::bad_alloc();
    xmlRelaxNGSetValidStructuredErrors(ctxt, collect, &errors);
    int rc = xmlRelaxNGValidateDoc(ctxt, doc.get());
    xmlRelaxNGFreeValidCtxt(ctxt);
    if (rc != 0 && errors.empty()) errors.push_back("invalid (libxml2 gave no message)");
    return errors;
}

}  // namespace vanban
