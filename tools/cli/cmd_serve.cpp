// vanban serve: the HTTP API and the web page until SIGINT or SIGTERM.
#include <pthread.h>
#include <signal.h>

#include "cli.h"
#include "vanban/server.h"

namespace vanban::cli {

const char* const kServeHelp = R"(Usage: vanban serve [--db FILE] [--host ADDR] [--port N] [--threads N]
                    [--token-file FILE] [--read-only] [--max-body BYTES]

Serves the JSON API (described at /api/openapi.json) and the web page (/) over HTTP until SIGINT
or SIGTERM, then finishes the requests in progress and exits 0.

  --db FILE          the database (default $VANBAN_DB, else ./vanban.db); created if missing
  --host ADDR        the address to listen on (default 127.0.0.1: this machine only)
  --port N           the port (default 8080; 0 picks a free one)
  --threads N        requests served at once, one database connection each (default twice the
                     cores, at least 4)
  --token-file FILE  a file holding the bearer token that POST /api/documents must present;
                     without it, import over HTTP is off (403)
  --read-only        refuse every write (403) and open the database read-only: never
                     created, upgraded or changed; a snapshot renamed over it (vanban
                     snapshot) is served from the next request (docs/SCALING.md)
  --max-body BYTES   the largest request body accepted (default 20971520 = 20 MB; 413 above)

Prints "listening on http://HOST:PORT" on stdout when ready; one access-log line per request
(method, target, status, milliseconds, request id) goes to stderr.
)";

int cmd_serve(const Args& args) {
    if (args.help) {
        std::cout << kServeHelp;
        return kOk;
    }
    if (!args.positional.empty()) {
        std::cerr << "vanban serve: unexpected argument '" << args.positional[0] << "'\n";
        return kUsage;
    }
    vanban::ServerOptions opt;
    opt.db = db_path(args);
    opt.host = args.get("host", opt.host);
    opt.token_file = args.get("token-file");
    opt.read_only = args.has("read-only");
    auto number = [&](const char* name, int& out, int min, int max) {
        if (!args.values.count(name)) return true;
        if (parse_int(args.get(name), out) && out >= min && out <= max) return true;
        std::cerr << "vanban serve: --" << name << " must be a number from " << min << " to " << max << '\n';
        return false;
    };
    int max_body = static_cast<int>(opt.max_body);
    if (!number("port", opt.port, 0, 65535) || !number("threads", opt.threads, 1, 1024) ||
        !number("max-body", max_body, 1, 1 << 30)) {
        return kUsage;
    }
    opt.max_body = static_cast<std::size_t>(max_body);
    // SIGINT and SIGTERM are taken by sigwait below: blocked here, before the server's threads
    // start, so that every thread inherits the mask.
    sigset_t signals;
    sigemptyset(&signals);
    sigaddset(&signals, SIGINT);
    sigaddset(&signals, SIGTERM);
    pthread_sigmask(SIG_BLOCK, &signals, nullptr);
    vanban::Server server(opt);
    try {
        server.start();
    } catch (const vanban::ServerError& e) {
        std::cerr << "vanban serve: " << e.what() << '\n';
        return kFailed;
    }
    std::cout << "listening on http://" << (opt.host.find(':') != std::string::npos ? "[" + opt.host + "]" : opt.host)
              << ':' << server.port() << std::endl;
    int sig = 0;
    sigwait(&signals, &sig);
    std::cerr << "vanban serve: " << (sig == SIGINT ? "SIGINT" : "SIGTERM") << ", stopping\n";
    server.stop();
    return kOk;
}

}  // namespace vanban::cli
