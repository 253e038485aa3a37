// Line-level cleaning (clean.h): the passes of clean/ run in order, one kind of source each.
#include "clean.h"

#include "clean/lines.h"
#include "normalize.h"
#include "text.h"

namespace vanban::detail {

using namespace cleaning;

Cleaned clean(std::string_view text) {
    Cleaned result;
    Lines lines;
    for (auto l : split_lines(text)) lines.emplace_back(l);
    lines = undo_markdown(std::move(lines));
    lines = drop_gazette_furniture(std::move(lines));
    for (auto& l : lines) {
        if (is_rule(l)) l.clear();
    }
    join_split_syllables(lines);
    join_wrapped_motto(lines);
    lines = cut_portal_clutter(std::move(lines), result.portal);
    result.lines = unwrap(lines);
    // Removing marks ("a*\u0301") or joining fragments can put a combining mark next to a new base
    // letter: normalize again (a quick check, so almost free on text that is already NFC).
    for (auto& l : result.lines) {
        // Only a combining mark (U+0300..U+036F: bytes CC xx, CD 80..AF) can have been left out of its
        // composition; lines without one are already NFC.
        std::string_view t = l.text;
        std::size_t cc = t.find('\xCC');
        bool mark = cc != std::string_view::npos && cc + 1 < t.size();
        for (std::size_t k = t.find('\xCD'); !mark && k != std::string_view::npos && k + 1 < t.size(); k = t.find('\xCD', k + 1)) {
            mark = static_cast<unsigned char>(t[k + 1]) < 0xB0;
        }
        if (mark) l.text = to_nfc(l.text);
    }
    return result;
}

}  // namespace vanban::detail
