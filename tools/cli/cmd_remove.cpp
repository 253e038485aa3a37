// vanban remove: a document out of the index, with everything that belongs to it.
#include "cli.h"

namespace vanban::cli {

const char* const kRemoveHelp = R"(Usage: vanban remove DOC [--db FILE]

Removes a document (an id, or a number such as 134/KH-UBND) from the index: its sections, tasks,
assignments and citations go with it, in one transaction. Documents that cited it keep their
citations, shown as not in the database again (or pointing at another document with that number).

Exit codes: 0 removed; 1 no database at the path, or it cannot be written; 2 usage error, DOC not
found, or a number that several documents share (they are listed: give an id).
)";

int cmd_remove(const Args& args) {
    if (args.help) {
        std::cout << kRemoveHelp;
        return kOk;
    }
    if (args.positional.size() != 1) {
        std::cerr << "vanban remove: give one document, by id or number (see 'vanban remove --help')\n";
        return kUsage;
    }
    vanban::Index index(db_path(args), vanban::OpenMode::existing);  // never creates a database: there is nothing to remove
    auto id = find_document(index, args.positional[0], "remove");
    if (!id) return kUsage;
    vanban::DocumentRef removed = index.remove(*id);
    std::cout << "removed " << doc_line(removed) << "; " << index.count() << " documents left in " << db_path(args) << '\n';
    return kOk;
}

}  // namespace vanban::cli
