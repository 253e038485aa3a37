// The CLI's shared parts: exit codes, arguments, help texts with the parser's lists, reading files,
// naming documents. Each command is a file of tools/cli/ (cmd_<name>.cpp) with its help and its
// function; main.cpp dispatches. Where to add a command: a file here, a line in main.cpp's table,
// a test in tests/index/cli_e2e_test.cpp.
#pragma once

#include <cstdint>
#include <iostream>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <vector>

#include "vanban/import.h"
#include "vanban/index.h"

namespace vanban::cli {

constexpr int kOk = 0;
constexpr int kFailed = 1;  // an operation failed (a file could not be read or parsed)
constexpr int kUsage = 2;   // a usage or query error

struct Args {
    std::vector<std::string> positional;
    std::map<std::string, std::string> values;  // --name VALUE or --name=VALUE
    std::set<std::string> flags;                // --name
    bool help = false;

    std::string get(const std::string& name, const std::string& fallback = "") const {
        auto it = values.find(name);
        return it == values.end() ? fallback : it->second;
    }
    bool has(const std::string& name) const { return flags.count(name) > 0; }
    /// The positional arguments as one text, separated by spaces ("so y te" typed unquoted).
    std::string joined() const {
        std::string out;
        for (const auto& p : positional) out += (out.empty() ? "" : " ") + p;
        return out;
    }
};

// The options one command accepts: those that take a value and plain flags.
struct Spec {
    std::set<std::string> values;
    std::set<std::string> flags;
};

// `words` joined by ", " and wrapped to 100 columns, each line indented by `indent` spaces.
std::string wrapped(const std::vector<std::string>& words, std::size_t indent);

// A help text with {relations} and {types} replaced by the parser's lists (vanban::all_relations(),
// vanban::document_types()), so that the help names what the parser emits.
std::string help_text(std::string text);

// Parses options wherever they appear. Returns false (with a message) on a usage error.
bool parse_args(int argc, char** argv, int first, const Spec& spec, Args& args, std::string& error);

std::string db_path(const Args& args);

// --encoding and --as as DecodeOptions; false (with a message on stderr naming `cmd`) for an unknown name.
bool decode_options(const Args& args, const char* cmd, vanban::DecodeOptions& out);

// The database of a read command (--db, else $VANBAN_DB, else vanban.db): IndexError, exit 1, when no
// file is there. It is opened read-only: a read never creates, upgrades or changes it.
vanban::Index open_for_reading(const Args& args);

std::string doc_line(const vanban::DocumentRef& d);

bool parse_int(const std::string& s, int& out);

// The document a user names: an id, or a number that one document has. Prints why not otherwise.
std::optional<std::int64_t> find_document(const vanban::Index& index, const std::string& what, const char* cmd);

// At most `max` bytes of text, cut at a character boundary, with an ellipsis when cut.
std::string shorten(const std::string& text, std::size_t max);

// YYYY, YYYY-MM or YYYY-MM-DD.
// Options checked by their own validate() (the same check the server and the index make); a
// refusal is printed with the command's name.
template <class Options>
bool valid_options(const Options& options, const char* cmd) {
    try {
        options.validate();
        return true;
    } catch (const vanban::QueryError& e) {
        std::cerr << "vanban " << cmd << ": " << e.what() << '\n';
        return false;
    }
}

// The commands (tools/cli/cmd_*.cpp): each prints its own help when args.help is set.
int cmd_parse(const Args& args);
int cmd_import(const Args& args);
int cmd_search(const Args& args);
int cmd_refs(const Args& args);
int cmd_assignments(const Args& args);
int cmd_agencies(const Args& args);
int cmd_show(const Args& args);
int cmd_remove(const Args& args);
int cmd_export(const Args& args);
int cmd_graph(const Args& args);
int cmd_serve(const Args& args);
int cmd_snapshot(const Args& args);

// Their help texts, for 'vanban help COMMAND'.
extern const char* const kParseHelp;
extern const char* const kImportHelp;
extern const char* const kSearchHelp;
extern const char* const kRefsHelp;
extern const char* const kAssignmentsHelp;
extern const char* const kAgenciesHelp;
extern const char* const kShowHelp;
extern const char* const kRemoveHelp;
extern const char* const kExportHelp;
extern const char* const kGraphHelp;
extern const char* const kServeHelp;
extern const char* const kSnapshotHelp;

}  // namespace vanban::cli
