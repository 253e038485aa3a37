// Citations: every mention of another document, with its relation to the citing document.
#pragma once

#include <string_view>
#include <vector>

#include "vanban/parser.h"

namespace vanban::detail {

/// Scans doc.text for references to other documents: a number with a letter symbol
/// ("38/NQ-CP", "25-KL/TW", "30/2021/QH15"), with the type written before it ("Nghị quyết số"),
/// the provision ("khoản 2 Điều 92 của"), the date and the issuer after it ("ngày 17/3/2022 của
/// Chính phủ"); and references by name without a number ("Hiến pháp", "Luật Tổ chức chính quyền
/// địa phương"). The relation of each occurrence comes from where it stands (a basis line) and the
/// words before it ("triển khai", "sửa đổi", "thay thế", "bãi bỏ", "hướng dẫn"). The document's own
/// number is not a reference. Needs doc.text, doc.bases, doc.number and doc.type to be set;
/// `folded_text` is fold_with_map(doc.text).
struct Folded;
std::vector<Reference> find_references(const Document& doc, const Folded& folded_text);

}  // namespace vanban::detail
