// Deadlines and periods: "trước ngày 15/12/2023", "trong quý II/2022", "hằng năm",
// "Thực hiện trong thời gian 2 năm 2022-2023", "dịp nghỉ lễ 30/4, 01/5/2022".
#pragma once

#include <string_view>
#include <vector>

#include "vanban/parser.h"

namespace vanban::detail {

/// Finds every deadline or period phrase in `s`, in order. Spans are relative to `s` plus `base`.
/// Normalization (all dates inclusive):
///   "trước ngày D/M/Y"           -> to = that day (the deadline)
///   "trước tháng M năm Y"        -> to = the last day of the month before
///   "trong tháng M/Y", "tháng M năm Y" -> the month;  "trong quý II/Y" -> the quarter;  "trong năm Y" -> the year
///   "giai đoạn Y1-Y2", "N năm Y1-Y2" -> Y1-01-01 .. Y2-12-31
///   "từ ngày A đến ngày B"       -> A .. B;  "dịp ... 30/4, 01/5/2022" -> first .. last day named
///   "hằng năm/quý/tháng/tuần", "định kỳ N tháng", "thường xuyên" -> recurrence, no dates
std::vector<Period> find_periods(std::string_view s, std::size_t base = 0);

struct Folded;
/// The same, with `s` already folded (fold_with_map(s) or a fold_slice of it).
std::vector<Period> find_periods(std::string_view s, const Folded& folded, std::size_t base);

/// The most useful single deadline of a task's text: the first dated phrase, else the first recurrence.
std::optional<Period> pick_deadline(const std::vector<Period>& found);

}  // namespace vanban::detail
