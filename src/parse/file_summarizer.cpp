#include "parse/file_summarizer.h"

#include <string>

#include "parse/fact_collector.h"
#include "parse/source_text.h"

namespace cutover {
namespace {

FileSummary empty_summary(const SourceFile& file) {
  FileSummary summary;
  summary.path = file.rel_path;
  summary.module = file.module;
  summary.source_root = file.source_root;
  summary.is_package = file.is_package;
  return summary;
}

void summarize_decoded(std::string_view text, SummarizerTools& tools, FileSummary& summary) {
  summary.lines = count_lines(text);
  const bool timed = tools.parse_timeout.count() > 0;
  const auto deadline = timed ? std::chrono::steady_clock::now() + tools.parse_timeout
                              : std::chrono::steady_clock::time_point::max();
  // Facts taken before the deadline are dropped: half a file's routes
  // would read as the whole.
  const auto time_out = [&] {
    FileSummary kept{.path = std::move(summary.path),
                     .module = std::move(summary.module),
                     .source_root = std::move(summary.source_root),
                     .is_package = summary.is_package,
                     .status = FileStatus::kSkippedTimeout,
                     .lines = summary.lines};
    kept.diagnostics = std::move(summary.diagnostics);
    summary = std::move(kept);
    summary.diagnostics.push_back({summary.path, 0, Severity::kError, "parse-timeout",
                                   "reading the file took longer than " +
                                       std::to_string(tools.parse_timeout.count()) +
                                       " ms; skipped (raise --parse-timeout)"});
  };
  const SyntaxTree tree = tools.parser.parse(text, deadline);
  if (!tree && timed && std::chrono::steady_clock::now() >= deadline) return time_out();
  if (!tree) {
    summary.status = FileStatus::kParsedWithErrors;
    summary.diagnostics.push_back({summary.path, 0, Severity::kError, "parse-failed",
                                   "tree-sitter could not parse the file"});
    return;
  }
  const CollectedSyntaxErrors errors =
      collect_facts(ts_tree_root_node(tree.get()), text, tools.symbols, summary, deadline);
  if (errors.timed_out) return time_out();
  if (errors.count > 0) {
    summary.status = FileStatus::kParsedWithErrors;
    summary.diagnostics.push_back(
        {summary.path, errors.first_line, Severity::kWarning, "syntax-error",
         "syntax error (" + std::to_string(errors.count) +
             " error node(s)); facts outside the broken region are kept"});
  }
  if (!summary.python2.empty()) {
    const Python2Finding& first = summary.python2.front();
    summary.diagnostics.push_back({summary.path, first.line, Severity::kInfo, "python2-syntax",
                                   "Python 2 source: " + first.construct + " (" +
                                       std::to_string(summary.python2.size()) +
                                       " Python-2-only construct(s) in the file)"});
  }
}

}  // namespace

FileSummary summarize_text(const SourceFile& file, std::string text, SummarizerTools& tools) {
  FileSummary summary = empty_summary(file);
  summarize_decoded(text, tools, summary);
  return summary;
}

FileSummary summarize_file(const SourceFile& file, SummarizerTools& tools,
                           const SummarizeLimits& limits) {
  return summarize_source(file, read_source(file.abs_path, limits.max_file_bytes), tools);
}

FileSummary summarize_source(const SourceFile& file, SourceText source, SummarizerTools& tools) {
  FileSummary summary = empty_summary(file);
  summary.status = source.status;
  for (Diagnostic& d : source.diagnostics) {
    d.file = file.rel_path;
    summary.diagnostics.push_back(std::move(d));
  }
  if (source.status == FileStatus::kParsed) summarize_decoded(source.text, tools, summary);
  return summary;
}

}  // namespace cutover
