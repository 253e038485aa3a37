// Tasks and their agencies: who must do what, by when.
#pragma once

#include <vector>

#include "vanban/parser.h"

namespace vanban::detail {

/// Finds the tasks of a parsed document (sections, text, type and issuer set); `folded_text` is
/// fold_with_map(doc.text), shared with the other scanners:
///   - task-bearing parts: sections whose heading names tasks or their organisation ("NHIỆM VỤ, GIẢI
///     PHÁP", "TỔ CHỨC THỰC HIỆN", "Trách nhiệm thi hành", ...), every article that ends with "chịu
///     trách nhiệm thi hành", and the whole body of a conclusion, directive, công điện or công văn;
///   - a task is a leaf item of such a part (a bullet, a numbered item without sub-items), or an item's
///     own text when it is not just an introduction ending with ':';
///   - an item whose heading is a list of agencies ("2. Sở Y tế", "16. Sở Văn hóa và Thể thao; Sở Du
///     lịch", "25. Đề nghị Ban Dân vận Thành ủy") gives them to every task below it as `lead`
///     (`requested` after "Đề nghị");
///   - agencies named in a task's text take their role from the words around them: the subject of the
///     clause, after "giao" or "chủ trì" -> lead; after "phối hợp (với)", "cùng" -> support; after "đề
///     nghị", "kiến nghị" -> requested; other mentions ("theo hướng dẫn của Bộ Y tế") are not assignees.
/// Agencies are read against `catalog`.
struct Folded;
class AgencyCatalog;
std::vector<Task> find_tasks(const Document& doc, const Folded& folded_text, const AgencyCatalog& catalog);

}  // namespace vanban::detail
