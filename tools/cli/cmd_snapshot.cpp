// vanban snapshot: a consistent copy of a database, made while it is in use (for replicas and backups).
#include <chrono>
#include <iomanip>

#include "cli.h"

namespace vanban::cli {

const char* const kSnapshotHelp = R"(Usage: vanban snapshot DB OUT
       vanban snapshot OUT [--db FILE]

Writes a consistent copy of the database DB to OUT while servers and imports go on using it: what
was committed when it starts, compacted, as one self-contained file (no -wal beside it) that a
replica can serve with 'vanban serve --read-only', even from a folder it cannot write. OUT is
written beside itself, checked, synced, and renamed into place only when whole, so an existing OUT
is replaced at once and a failure leaves it as it was. A replica serving OUT sees the new copy at its
next request (docs/SCALING.md).

Exit codes: 0 written; 1 no database at DB, or OUT cannot be written; 2 usage error.
)";

int cmd_snapshot(const Args& args) {
    if (args.help) {
        std::cout << kSnapshotHelp;
        return kOk;
    }
    if (args.positional.empty() || args.positional.size() > 2 || (args.positional.size() == 2 && args.has("db"))) {
        std::cerr << "vanban snapshot: give the database and the copy to write: vanban snapshot DB OUT (see 'vanban snapshot --help')\n";
        return kUsage;
    }
    const std::string db = args.positional.size() == 2 ? args.positional[0] : db_path(args);
    const std::string& out = args.positional.back();
    const auto start = std::chrono::steady_clock::now();
    vanban::Index index(db, vanban::OpenMode::read_only);
    const std::int64_t documents = index.count(), generation = index.generation();
    index.snapshot(out);
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    std::cout << "snapshot of " << db << " written to " << out << ": " << documents << " documents (generation "
              << generation << " or later), " << std::fixed << std::setprecision(1) << seconds << " s\n";
    return kOk;
}

}  // namespace vanban::cli
