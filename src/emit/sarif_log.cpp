#include "emit/sarif_log.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <nlohmann/json.hpp>
#include <set>
#include <tuple>

#include "cache/content_hash.h"
#include "cutover_version.h"
#include "emit/sarif_rules.h"
#include "emit/source_lines.h"
#include "emit/source_link.h"

namespace cutover {
namespace {

using Json = nlohmann::ordered_json;

std::string hex64(std::uint64_t value) {
  char buffer[17];
  std::snprintf(buffer, sizeof buffer, "%016llx", static_cast<unsigned long long>(value));
  return buffer;
}

std::string_view level_of(Severity s) {
  switch (s) {
    case Severity::kError:
      return "error";
    case Severity::kWarning:
      return "warning";
    case Severity::kInfo:
      break;
  }
  return "note";
}

std::string methods_text(const std::vector<std::string>& methods) {
  std::string out;
  for (const std::string& m : methods)
    out += (out.empty() ? "" : ",") + m;
  return out;
}

std::string at(const std::string& file, std::uint32_t line) {
  return file + ":" + std::to_string(line);
}

// Findings tied to a line of code get file + code + the line's normalised
// text, and a count when the same text recurs in the file for the code.
class LineFingerprints {
 public:
  explicit LineFingerprints(const LineText& line_text) : line_text_(line_text) {}

  std::string operator()(const std::string& code, const std::string& file, std::uint32_t line) {
    const std::string text = line > 0 && line_text_ ? normalised_line(line_text_(file, line)) : "";
    const std::string key = file + '\0' + code + '\0' + text;
    const std::uint32_t n = ++seen_[key];
    return "line:" + hex64(content_hash(key)) + ":" + std::to_string(n);
  }

 private:
  const LineText& line_text_;
  std::map<std::string, std::uint32_t> seen_;
};

Json location_json(const SarifResult& r) {
  Json artifact = {{"uri", r.file.empty() ? std::string(".") : percent_encode_path(r.file)}};
  Json physical = {{"artifactLocation", std::move(artifact)}};
  // A finding about a whole file points at its first line, as SARIF's
  // minimal region for a whole artifact does.
  if (!r.file.empty()) physical["region"] = {{"startLine", std::max<std::uint32_t>(r.line, 1)}};
  return Json{{"physicalLocation", std::move(physical)}};
}

Json rule_json(const SarifRule& rule) {
  Json out = {{"id", rule.id}};
  // SARIF wants no name that only repeats the id ("unreadable").
  if (rule.id.find('-') != std::string_view::npos) out["name"] = sarif_rule_name(rule.id);
  out["shortDescription"] = {{"text", rule.short_description}};
  out["fullDescription"] = {{"text", rule.help}};
  out["help"] = {{"text", rule.help}};
  out["defaultConfiguration"] = {{"level", rule.level}};
  return out;
}

}  // namespace

std::vector<SarifResult> scan_findings(const Inventory& inv, const LineText& line_text) {
  std::vector<SarifResult> out;
  LineFingerprints fingerprint(line_text);
  // A partial route's own diagnostic says what was not resolved; the result
  // is the route's, fingerprinted by its id.
  std::map<std::pair<std::string, std::uint32_t>, const Diagnostic*> partial_notes;
  for (const Diagnostic& d : inv.diagnostics) {
    if (d.code == "partial-route") partial_notes.emplace(std::make_pair(d.file, d.line), &d);
  }
  // Test code's throwaway routes too: their diagnostics are the same.
  std::vector<const Route*> partial;
  for (const std::vector<Route>* routes : {&inv.routes, &inv.test_routes}) {
    for (const Route& r : *routes) {
      if (r.partial) partial.push_back(&r);
    }
  }
  std::set<std::pair<std::string, std::uint32_t>> partial_at;
  for (const Route* r : partial)
    partial_at.emplace(r->file, r->line);
  for (const Diagnostic& d : inv.diagnostics) {
    if (d.code == "partial-route" && partial_at.contains({d.file, d.line})) continue;
    out.push_back({.rule = d.code,
                   .level = std::string(level_of(d.severity)),
                   .message = d.message,
                   .file = d.file,
                   .line = d.line,
                   .fingerprint = fingerprint(d.code, d.file, d.line)});
  }
  for (const Route* route : partial) {
    const Route& r = *route;
    const auto note = partial_notes.find({r.file, r.line});
    out.push_back({.rule = "partial-route",
                   .level = "warning",
                   .message = note != partial_notes.end()
                                  ? note->second->message
                                  : methods_text(r.methods) + " " + r.path +
                                        ": not resolved statically: " + r.unresolved,
                   .file = r.file,
                   .line = r.line,
                   .fingerprint = "route:" + r.id});
  }
  for (const Route& r : inv.routes) {
    if (r.partial || r.assumptions.empty()) continue;
    std::string message = methods_text(r.methods) + " " + r.path + " assumes ";
    for (std::size_t i = 0; i < r.assumptions.size(); ++i) {
      const RouteAssumption& a = r.assumptions[i];
      message += (i ? "; " : "") + a.expr + " = \"" + a.assumed + "\" (" + at(a.file, a.line) + ")";
    }
    out.push_back({.rule = "assumed-route",
                   .level = "note",
                   .message = std::move(message),
                   .file = r.file,
                   .line = r.line,
                   .fingerprint = "route:" + r.id});
  }
  for (const Python2Blocker& b : inv.python2) {
    out.push_back({.rule = "python2-blocker",
                   .level = "warning",
                   .message = "Python 2 only: " + b.construct + " (module " + b.module + ")",
                   .file = b.file,
                   .line = b.line,
                   .fingerprint = fingerprint("python2-blocker", b.file, b.line)});
  }
  for (const ImportCycle& c : inv.cycles) {
    std::string members;
    for (const std::string& m : c.modules)
      members += (members.empty() ? "" : ", ") + m;
    std::string path;
    for (const ImportStep& s : c.path) {
      if (path.empty()) path = s.from;
      path += " → " + s.to;
    }
    SarifResult r{.rule = "import-cycle",
                  .level = "warning",
                  .message = "import cycle of " + std::to_string(c.modules.size()) + " modules (" +
                             members + ")" + (path.empty() ? "" : "; a shortest cycle: " + path),
                  .fingerprint = "cycle:" + hex64(content_hash(members))};
    if (!c.path.empty()) {
      r.file = c.path.front().file;
      r.line = c.path.front().line;
    }
    out.push_back(std::move(r));
  }
  return out;
}

std::vector<SarifResult> new_endpoint_findings(const RouteDiff& diff) {
  std::vector<SarifResult> out;
  for (const Route& r : diff.added) {
    out.push_back({.rule = "new-legacy-endpoint",
                   .level = "warning",
                   .message = "new legacy endpoint " + methods_text(r.methods) + " " + r.path +
                              " (" + r.handler + ")",
                   .file = r.file,
                   .line = r.line,
                   .fingerprint = "route:" + r.id});
  }
  for (const ChangedRoute& c : diff.changed) {
    for (const std::string& m : c.after.methods) {
      if (std::find(c.before.methods.begin(), c.before.methods.end(), m) != c.before.methods.end())
        continue;
      out.push_back({.rule = "new-legacy-endpoint",
                     .level = "warning",
                     .message = "method " + m + " added to legacy endpoint " + c.after.path + " (" +
                                c.after.handler + ")",
                     .file = c.after.file,
                     .line = c.after.line,
                     .fingerprint = "route:" + c.after.id + ":" + m});
    }
  }
  return out;
}

std::string sarif_log(const std::vector<SarifResult>& results) {
  Json rules = Json::array();
  std::map<std::string, std::size_t> index;
  for (const SarifRule& rule : sarif_rules()) {
    index.emplace(std::string(rule.id), rules.size());
    rules.push_back(rule_json(rule));
  }
  for (const SarifResult& r : results) {
    if (index.contains(r.rule)) continue;
    index.emplace(r.rule, rules.size());
    rules.push_back(rule_json(sarif_rule(r.rule)));
  }
  Json list = Json::array();
  for (const SarifResult& r : results) {
    list.push_back({{"ruleId", r.rule},
                    {"ruleIndex", index.at(r.rule)},
                    {"level", r.level},
                    {"message", {{"text", r.message}}},
                    {"locations", Json::array({location_json(r)})},
                    {"partialFingerprints", {{"cutover/v1", r.fingerprint}}}});
  }
  const Json doc = {{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                    {"version", "2.1.0"},
                    {"runs", Json::array({{{"tool",
                                            {{"driver",
                                              {{"name", "cutover"},
                                               {"version", kCutoverVersion},
                                               {"semanticVersion", kCutoverVersion},
                                               {"rules", std::move(rules)}}}}},
                                           {"results", std::move(list)}}})}};
  return doc.dump(2, ' ', false, Json::error_handler_t::replace) + "\n";
}

}  // namespace cutover
