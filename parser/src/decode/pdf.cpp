// PDF in (pdf.h), with poppler's C++ interface.
#include "pdf.h"

#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-page.h>

#include <memory>
#include <mutex>

#include "vanban/decode.h"

namespace vanban::detail {

std::string pdf_to_text(std::string_view bytes) {
    // poppler reports damage on stderr; the caller gets a DecodeError or the text instead.
    static std::once_flag quiet;
    std::call_once(quiet, [] { poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr); });
    if (bytes.size() > 0x7fffffff) throw DecodeError("the PDF is over 2 GiB");
    std::unique_ptr<poppler::document> doc(
        poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
    if (!doc) throw DecodeError("the PDF cannot be read (damaged, or not a PDF)");
    if (doc->is_locked()) throw DecodeError("the PDF is encrypted: open it and save it without a password first");
    std::string out;
    const int pages = std::min(doc->pages(), 20000);
    bool any = false;
    for (int i = 0; i < pages; ++i) {
        std::unique_ptr<poppler::page> page(doc->create_page(i));
        if (!page) continue;
        poppler::byte_array utf8 = page->text(poppler::rectf(), poppler::page::non_raw_non_physical_layout).to_utf8();
        std::string text(utf8.begin(), utf8.end());
        for (char& c : text) {
            if (c == '\f') c = '\n';
        }
        if (text.find_first_not_of(" \t\r\n") != std::string::npos) any = true;
        if (!out.empty() && out.back() != '\n') out += '\n';
        out += text;
    }
    if (!any) {
        throw DecodeError(pages == 0 ? "the PDF has no pages"
                                     : "the PDF has no text layer (a scan?): run OCR on it first, e.g. ocrmypdf");
    }
    return out;
}

}  // namespace vanban::detail
