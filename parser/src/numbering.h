// Recognizing numbered headings and bullets at the start of a line.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

#include "vanban/parser.h"

namespace vanban::detail {

/// A heading or bullet marker at the start of a line.
struct Marker {
    SectionKind kind;
    std::string label;   ///< "I", "3.1", "a", "5" (for "Điều 5."), empty for bullets
    std::size_t length;  ///< bytes of the line taken by the marker and the space after it
    int depth = 0;       ///< number of components for decimal labels ("3.1" -> 2)
};

/// Detects a marker at the start of `line`:
///   Phần/PHẦN (thứ nhất | I | 1), Chương/CHƯƠNG I, Mục/MỤC 1, Tiểu mục 1, Điều 5. ;
///   I. II. (Roman, also "I -", "I)") ; 1. 1) ; 1.1. 3.2.1 ; a) a. đ) ; (1) (ii) (a), lettered at depth 1 ;
///   - – — • bullets ; + bullets.
/// Lines that only look like a marker (a date "30/4", a number "2022." followed by nothing) are not.
std::optional<Marker> detect_marker(std::string_view line);

/// The rank of a marker kind in the nesting order, outermost lowest. Decimal labels rank by depth.
int rank(const Marker& m);

/// Value of a Roman numeral (I..XXXIX and L, C), or 0 when s is not one.
int roman_value(std::string_view s);

}  // namespace vanban::detail
