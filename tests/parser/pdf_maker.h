// Test helper: lines drawn into a PDF by cairo (Debian libcairo2-dev) in DejaVu Sans, so that the PDF's
// text layer holds them as a gazette PDF's does.
#pragma once

#include <cairo-pdf.h>
#include <cairo.h>

#include <string>
#include <vector>

namespace vanban::test {

inline cairo_status_t append(void* closure, const unsigned char* data, unsigned int length) {
    static_cast<std::string*>(closure)->append(reinterpret_cast<const char*>(data), length);
    return CAIRO_STATUS_SUCCESS;
}

// Draws `lines` (UTF-8) in DejaVu Sans, 50 lines a page, then `empty_pages` pages with nothing on them.
inline std::string make_pdf(const std::vector<std::string>& lines, int empty_pages = 0, bool rectangle_only = false) {
    std::string out;
    cairo_surface_t* surface = cairo_pdf_surface_create_for_stream(append, &out, 595, 842);
    cairo_t* cr = cairo_create(surface);
    cairo_select_font_face(cr, "DejaVu Sans", CAIRO_FONT_SLANT_NORMAL, CAIRO_FONT_WEIGHT_NORMAL);
    cairo_set_font_size(cr, 9);
    int on_page = 0;
    for (const auto& l : lines) {
        if (on_page == 50) {
            cairo_show_page(cr);
            on_page = 0;
        }
        cairo_move_to(cr, 30, 40 + 15 * on_page++);
        cairo_show_text(cr, l.c_str());
    }
    if (rectangle_only) {  // a "scan": marks on the page, no text
        cairo_rectangle(cr, 50, 50, 400, 600);
        cairo_fill(cr);
    }
    for (int i = 0; i < empty_pages; ++i) cairo_show_page(cr);
    cairo_destroy(cr);
    cairo_surface_destroy(surface);
    return out;
}

}  // namespace vanban::test
