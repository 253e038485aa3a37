// Dates: "ngày 29 tháng 4 năm 2022", "29/4/2022", "29-04-2022".
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace vanban::detail {

/// ISO yyyy-mm-dd from day, month, year, or nullopt when the date does not exist.
std::optional<std::string> iso_date(int day, int month, int year);

/// Reads a written date "ngày 29 tháng 4 năm 2022" (spaces optional, "ngày" optional) starting at
/// or after `from` in s. On success returns the ISO date and sets [start, end) to its bytes.
std::optional<std::string> find_written_date(std::string_view s, std::size_t& start, std::size_t& end,
                                             std::size_t from = 0);

/// Reads a numeric date "29/4/2022", "29-04-2022", "29.4.2022" in s, from `from`.
std::optional<std::string> find_numeric_date(std::string_view s, std::size_t& start, std::size_t& end,
                                             std::size_t from = 0);

/// The place-and-date line of a header: "Hà Nội, ngày 29 tháng 4 năm 2022". Returns the ISO date
/// and sets place ("Hà Nội") when the line is one; nullopt otherwise: a sentence before the date or
/// after it ("Hà Nội, ngày 18/11/2025, Bộ Tài chính ban hành ...") makes the line text, not a header.
std::optional<std::string> read_place_date(std::string_view line, std::string& place);

}  // namespace vanban::detail
