#pragma once
// A finding about the scanned tree that a person should see: something cutover
// could not read, parse or resolve. Diagnostics never stop a scan.

#include <cstdint>
#include <string>
#include <string_view>
#include <tuple>

namespace cutover {

enum class Severity : std::uint8_t { kInfo, kWarning, kError };

std::string_view severity_name(Severity severity);

struct Diagnostic {
  std::string file;        // relative to the scan root; empty for run-wide findings
  std::uint32_t line = 0;  // 1-based; 0 when the finding is about the whole file
  Severity severity = Severity::kWarning;
  std::string code;  // stable kebab-case identifier, e.g. "syntax-error"
  std::string message;

  friend bool operator<(const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.file, a.line, a.code, a.message, a.severity) <
           std::tie(b.file, b.line, b.code, b.message, b.severity);
  }
  friend bool operator==(const Diagnostic&, const Diagnostic&) = default;
};

}  // namespace cutover
