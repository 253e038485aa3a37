// Single-thread throughput of vanban::parse (bytes of input per second of CPU time, SetBytesProcessed), and
// micro-benchmarks of the passes parse starts with, to show where the time goes:
//
//   parse/corpus          every document of the corpus, one after the other
//   parse/seed/<name>     each of the two seed documents
//   nfc_quick_check       ICU Normalizer2::isNormalizedUTF8 on text that is already NFC (normalize's fast path)
//   normalize             vanban::detail::normalize (UTF-8 decoding, clutter characters, look-alikes, NFC)
//   clean                 vanban::detail::clean on normalized text (lines, Markdown, page headers, joins)
//
// Corpus: $VANBAN_BENCH_CORPUS if set, else <source>/../shared/corpus (seeds/, real/, portal/), else
// <source>/corpus. Every *.txt and *.md file under it (README.md excepted) is read into memory before
// timing; the seeds are the files of <corpus>/seeds/, or the two seed files by name.
// Usage: tools/bench/parser.sh, or build/parser_bench [--benchmark_filter=REGEX] [other benchmark flags].
#include <benchmark/benchmark.h>
#include <unicode/normalizer2.h>
#include <unicode/stringpiece.h>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <vector>

#include "clean.h"
#include "normalize.h"
#include "vanban/parser.h"

namespace fs = std::filesystem;

namespace {

struct Input {
    std::string name;  // path relative to the corpus root
    std::string bytes;
};

fs::path corpus_root() {
    if (const char* env = std::getenv("VANBAN_BENCH_CORPUS"); env && *env) return env;
    fs::path shared = fs::path(VANBAN_SOURCE_DIR) / ".." / "shared" / "corpus";
    if (fs::is_directory(shared)) return fs::weakly_canonical(shared);
    return fs::path(VANBAN_SOURCE_DIR) / "corpus";
}

std::vector<Input> load(const fs::path& root) {
    std::vector<Input> out;
    for (const auto& e : fs::recursive_directory_iterator(root)) {
        if (!e.is_regular_file()) continue;
        const auto& p = e.path();
        if ((p.extension() != ".txt" && p.extension() != ".md") || p.filename() == "README.md") continue;
        std::ifstream in(p, std::ios::binary);
        out.push_back({fs::relative(p, root).string(),
                       std::string((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>())});
    }
    std::sort(out.begin(), out.end(), [](const Input& a, const Input& b) { return a.name < b.name; });
    return out;
}

bool is_seed(const std::string& name) {
    std::string file = fs::path(name).filename().string();
    return name.starts_with("seeds/") || file.starts_with("ke-hoach-134-KH-UBND-ha-noi-2022-04-29") ||
           file.starts_with("thong-bao-ket-luan-thuong-truc-thanh-uy-ha-noi-2022-04-20");
}

std::int64_t total_bytes(const std::vector<const std::string*>& texts) {
    std::int64_t n = 0;
    for (const auto* t : texts) n += static_cast<std::int64_t>(t->size());
    return n;
}

void bm_parse(benchmark::State& state, std::vector<const std::string*> texts) {
    for (auto _ : state) {
        for (const auto* t : texts) {
            vanban::Document d = vanban::parse(*t);
            benchmark::DoNotOptimize(d.sections.data());
        }
    }
    state.SetBytesProcessed(state.iterations() * total_bytes(texts));
    state.counters["docs"] = static_cast<double>(texts.size());
}

void bm_nfc_quick_check(benchmark::State& state, std::vector<const std::string*> nfc_texts) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) {
        state.SkipWithError("no ICU NFC instance");
        return;
    }
    for (auto _ : state) {
        for (const auto* t : nfc_texts) {
            UErrorCode st = U_ZERO_ERROR;
            bool ok = nfc->isNormalizedUTF8(icu::StringPiece(t->data(), static_cast<int32_t>(t->size())), st);
            benchmark::DoNotOptimize(ok);
        }
    }
    state.SetBytesProcessed(state.iterations() * total_bytes(nfc_texts));
}

void bm_normalize(benchmark::State& state, std::vector<const std::string*> texts) {
    for (auto _ : state) {
        for (const auto* t : texts) {
            auto n = vanban::detail::normalize(*t);
            benchmark::DoNotOptimize(n.text.data());
        }
    }
    state.SetBytesProcessed(state.iterations() * total_bytes(texts));
}

void bm_clean(benchmark::State& state, std::vector<const std::string*> normalized) {
    for (auto _ : state) {
        for (const auto* t : normalized) {
            auto c = vanban::detail::clean(*t);
            benchmark::DoNotOptimize(c.lines.data());
        }
    }
    state.SetBytesProcessed(state.iterations() * total_bytes(normalized));
}

}  // namespace

int main(int argc, char** argv) {
    benchmark::Initialize(&argc, argv);
    if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 2;

    const fs::path root = corpus_root();
    if (!fs::is_directory(root)) {
        std::fprintf(stderr, "parser_bench: corpus %s is not a directory; set VANBAN_BENCH_CORPUS\n",
                     root.string().c_str());
        return 1;
    }
    // Loaded before any timing; kept alive (static) for the benchmarks that point into them.
    static const std::vector<Input> inputs = load(root);
    if (inputs.empty()) {
        std::fprintf(stderr, "parser_bench: no *.txt or *.md files under %s\n", root.string().c_str());
        return 1;
    }
    static std::vector<std::string> normalized;
    std::vector<const std::string*> all, all_normalized;
    std::int64_t bytes = 0;
    for (const auto& in : inputs) {
        all.push_back(&in.bytes);
        bytes += static_cast<std::int64_t>(in.bytes.size());
        normalized.push_back(vanban::detail::normalize(in.bytes).text);
    }
    for (const auto& n : normalized) all_normalized.push_back(&n);
    std::fprintf(stderr, "parser_bench: corpus %s: %zu documents, %.1f MB\n", root.string().c_str(), inputs.size(),
                 static_cast<double>(bytes) / 1e6);

    benchmark::RegisterBenchmark("parse/corpus", bm_parse, all)->Unit(benchmark::kMillisecond);
    for (const auto& in : inputs) {
        if (!is_seed(in.name)) continue;
        std::string name = "parse/seed/" + fs::path(in.name).stem().string();
        benchmark::RegisterBenchmark(name.c_str(), bm_parse, std::vector<const std::string*>{&in.bytes})
            ->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark("nfc_quick_check/corpus", bm_nfc_quick_check, all_normalized)
        ->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("normalize/corpus", bm_normalize, all)->Unit(benchmark::kMillisecond);
    benchmark::RegisterBenchmark("clean/corpus", bm_clean, all_normalized)->Unit(benchmark::kMillisecond);

    benchmark::RunSpecifiedBenchmarks();
    benchmark::Shutdown();
    return 0;
}
