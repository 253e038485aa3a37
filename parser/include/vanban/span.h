// A span of a document's text.
#pragma once

#include <cstddef>

namespace vanban {

/// A byte range [start, end) into Document::text, always on UTF-8 boundaries.
struct Span {
    std::size_t start = 0;
    std::size_t end = 0;
};

}  // namespace vanban
