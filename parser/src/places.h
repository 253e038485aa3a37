// Place names and proper names used to restore normal case and to complete agency names.
#pragma once

#include <span>
#include <string_view>

namespace vanban::detail {

/// The 63 provinces and centrally governed cities before 1 July 2025 and the 34 after
/// (the 34 are all among the old names, save "Huế"), spelled in normal case.
std::span<const std::string_view> provinces();

/// Names whose capitalization is fixed: provinces, "Việt Nam", "Chính phủ", "Quốc hội", ...
std::span<const std::string_view> proper_names();

}  // namespace vanban::detail
