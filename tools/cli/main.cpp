// vanban: the command-line interface. Translates arguments into library calls; all I/O is in the
// commands (tools/cli/cmd_*.cpp).
#include <iostream>
#include <string>

#include "cli.h"
#include "vanban/server.h"

using namespace vanban::cli;

namespace {

const char* const kMainHelp = R"(vanban - Vietnamese legal and administrative documents

Usage:
  vanban parse FILE... [--format json|tree|agencies]   parse documents, print their structure
  vanban import PATH... [--db FILE]           parse and index files and folders
  vanban search QUERY [options] [--json]      full-text search, or open a document by number
  vanban refs DOC [--json]                    what a document cites and what cites it
  vanban show DOC [--json]                    a document: metadata, outline, tasks, references
  vanban remove DOC [--db FILE]               remove a document and all that belongs to it
  vanban export DOC [--format json|md]        a document as JSON or Markdown
  vanban graph DOC [--depth N] [--json]       the citation graph around a document
  vanban assignments AGENCY [options]         the tasks assigned to an agency, with deadlines
  vanban agencies [QUERY] [--json]            agencies with their task counts by role
  vanban serve [options]                      the HTTP API and the web page (default http://127.0.0.1:8080)
  vanban snapshot DB OUT                      a consistent copy of a database in use (replicas, backups)
  vanban --help | help [COMMAND]              this help, or a command's help
  vanban --version

Exit codes: 0 success; 1 an operation failed (a file could not be read or parsed);
2 a usage error. Messages go to stderr.
)";

Spec spec_for(const std::string& cmd) {
    if (cmd == "parse") return {{"format", "encoding", "as"}, {}};
    if (cmd == "import") return {{"db", "encoding", "as"}, {"quiet"}};
    if (cmd == "search") return {{"db", "type", "issuer", "agency", "from", "to", "in", "limit", "offset"}, {"json"}};
    if (cmd == "refs" || cmd == "show") return {{"db"}, {"json"}};
    if (cmd == "remove") return {{"db"}, {}};
    if (cmd == "export") return {{"db", "format", "lang"}, {}};
    if (cmd == "graph") return {{"db", "depth"}, {"json"}};
    if (cmd == "assignments") return {{"db", "place", "role", "from", "to", "lang"}, {"json", "csv", "include-collective", "no-former"}};
    if (cmd == "agencies") return {{"db"}, {"json"}};
    if (cmd == "serve") return {{"db", "host", "port", "threads", "token-file", "max-body"}, {"read-only"}};
    if (cmd == "snapshot") return {{"db"}, {}};
    return {};
}

}  // namespace

int main(int argc, char** argv) {
    try {
        if (argc < 2) {
            std::cerr << kMainHelp;
            return kUsage;
        }
        std::string cmd = argv[1];
        if (cmd == "--help" || cmd == "-h" || cmd == "help") {
            std::string topic = argc > 2 ? argv[2] : "";
            if (topic == "parse") std::cout << kParseHelp;
            else if (topic == "import") std::cout << kImportHelp;
            else if (topic == "search") std::cout << help_text(kSearchHelp);
            else if (topic == "refs") std::cout << help_text(kRefsHelp);
            else if (topic == "assignments") std::cout << kAssignmentsHelp;
            else if (topic == "show") std::cout << kShowHelp;
            else if (topic == "remove") std::cout << kRemoveHelp;
            else if (topic == "export") std::cout << kExportHelp;
            else if (topic == "graph") std::cout << kGraphHelp;
            else if (topic == "agencies") std::cout << kAgenciesHelp;
            else if (topic == "serve") std::cout << kServeHelp;
            else if (topic == "snapshot") std::cout << kSnapshotHelp;
            else std::cout << kMainHelp;
            return kOk;
        }
        if (cmd == "--version") {
            std::cout << "vanban " << VANBAN_VERSION << "\n";
            return kOk;
        }
        Args args;
        std::string error;
        if (!parse_args(argc, argv, 2, spec_for(cmd), args, error)) {
            std::cerr << "vanban " << cmd << ": " << error << '\n';
            return kUsage;
        }
        if (cmd == "parse") return cmd_parse(args);
        if (cmd == "import") return cmd_import(args);
        if (cmd == "search") return cmd_search(args);
        if (cmd == "refs") return cmd_refs(args);
        if (cmd == "assignments") return cmd_assignments(args);
        if (cmd == "show") return cmd_show(args);
        if (cmd == "remove") return cmd_remove(args);
        if (cmd == "export") return cmd_export(args);
        if (cmd == "graph") return cmd_graph(args);
        if (cmd == "agencies") return cmd_agencies(args);
        if (cmd == "serve") return cmd_serve(args);
        if (cmd == "snapshot") return cmd_snapshot(args);
        std::cerr << "vanban: unknown command '" << cmd << "' (see 'vanban --help')\n";
        return kUsage;
    } catch (const vanban::QueryError& e) {
        std::cerr << "vanban: " << e.what() << '\n';
        return kUsage;
    } catch (const vanban::NotFound& e) {
        std::cerr << "vanban: " << e.what() << '\n';
        return kUsage;
    } catch (const vanban::ServerError& e) {
        std::cerr << "vanban: " << e.what() << '\n';
        return kFailed;
    } catch (const vanban::IndexError& e) {
        std::cerr << "vanban: " << e.what() << '\n';
        return kFailed;
    } catch (const std::bad_alloc&) {
        std::cerr << "vanban: out of memory\n";
        return kFailed;
    } catch (const std::exception& e) {
        std::cerr << "vanban: " << e.what() << '\n';
        return kFailed;
    }
}
