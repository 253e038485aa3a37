// Word 97-2003 in (word97.h).
#include "word97.h"

#include <Poco/Path.h>
#include <Poco/Pipe.h>
#include <Poco/PipeStream.h>
#include <Poco/Process.h>
#include <Poco/TemporaryFile.h>

#include <cstdlib>
#include <fstream>
#include <thread>

#include "vanban/decode.h"

namespace vanban::detail {

namespace {

// antiword on $PATH, or "".
std::string find_antiword() {
    Poco::Path found;
    const char* path = std::getenv("PATH");
    return Poco::Path::find(path ? path : "/usr/bin:/bin", "antiword", found) ? found.toString() : "";
}

}  // namespace

bool looks_like_ole(std::string_view b) { return b.starts_with("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1"); }

std::string doc_to_text(std::string_view bytes) {
    const std::string antiword = find_antiword();
    if (antiword.empty()) {
        throw DecodeError("reading a Word 97-2003 (.doc) file needs antiword (apt-get install antiword; tools/install-deps.sh installs it)");
    }
    Poco::TemporaryFile file;  // removed when it goes out of scope
    {
        std::ofstream out(file.path(), std::ios::binary);
        out.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
        if (!out) throw DecodeError("cannot write a temporary copy of the .doc file for antiword");
    }
    Poco::Pipe out_pipe, err_pipe;
    Poco::ProcessHandle ph = Poco::Process::launch(antiword, {"-m", "UTF-8.txt", "-w", "0", file.path()}, nullptr, &out_pipe, &err_pipe);
    Poco::PipeInputStream out(out_pipe), err(err_pipe);
    std::string errors;
    std::thread drain([&] {  // stderr read beside stdout, so that neither pipe fills and blocks antiword
        std::string line;
        while (std::getline(err, line)) {
            if (errors.size() < 2000) errors += line + " ";
        }
    });
    std::string text;
    char buf[65536];
    bool too_big = false;
    while (out.read(buf, sizeof buf) || out.gcount() > 0) {
        if (!too_big) text.append(buf, static_cast<std::size_t>(out.gcount()));
        if (text.size() > (64u << 20)) too_big = true;  // keep reading (and dropping) so antiword can finish
    }
    drain.join();
    int rc = Poco::Process::wait(ph);
    if (too_big) throw DecodeError("the .doc file's text is over 64 MiB");
    if (rc != 0) {
        while (!errors.empty() && errors.back() == ' ') errors.pop_back();
        throw DecodeError("antiword cannot read the .doc file" + (errors.empty() ? std::string() : ": " + errors));
    }
    return text;
}

}  // namespace vanban::detail
