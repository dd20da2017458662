#include "config/cutover_config.h"

#include <toml++/toml.h>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <stdexcept>

namespace cutover {
namespace {

[[noreturn]] void fail(const std::string& source, const toml::source_region& where,
                       const std::string& message) {
  throw std::runtime_error(source + ":" + std::to_string(where.begin.line) + ":" +
                           std::to_string(where.begin.column) + ": " + message);
}

std::vector<std::string> strings_of(const toml::node& node, const std::string& source,
                                    const std::string& key) {
  std::vector<std::string> out;
  const toml::array* array = node.as_array();
  if (!array) fail(source, node.source(), key + " must be an array of strings");
  for (const toml::node& item : *array) {
    const std::optional<std::string> text = item.value<std::string>();
    if (!text) fail(source, item.source(), key + " must hold strings only");
    out.push_back(*text);
  }
  return out;
}

void read_weights(const toml::table& table, const std::string& source, ScoreWeights& w) {
  const std::pair<const char*, double*> fields[] = {{"read_only", &w.read_only},
                                                    {"dependants", &w.dependants},
                                                    {"dependencies", &w.dependencies},
                                                    {"shared_tables", &w.shared_tables},
                                                    {"shared_writes", &w.shared_writes},
                                                    {"shared_code", &w.shared_code},
                                                    {"auth", &w.auth},
                                                    {"adapters", &w.adapters},
                                                    {"python2", &w.python2},
                                                    {"size", &w.size},
                                                    {"traffic", &w.traffic},
                                                    {"observed_read", &w.observed_read}};
  for (const auto& [key, node] : table) {
    bool known = false;
    for (const auto& [name, target] : fields) {
      if (key.str() != name) continue;
      const std::optional<double> value = node.value<double>();
      if (!value) fail(source, node.source(), "weights." + std::string(name) + " must be a number");
      *target = *value;
      known = true;
    }
    if (!known) fail(source, node.source(), "unknown weight " + std::string(key.str()));
  }
}

}  // namespace

CutoverConfig parse_cutover_config(std::string_view text, const std::string& source,
                                   bool in_pyproject) {
  toml::table document;
  try {
    document = toml::parse(text, source);
  } catch (const toml::parse_error& e) {
    fail(source, e.source(), std::string(e.description()));
  }
  const toml::table* table = &document;
  if (in_pyproject) {
    table = document["tool"]["cutover"].as_table();
    if (!table) return {};
  }
  CutoverConfig config{.source = source};
  for (const auto& [key, node] : *table) {
    const std::string name(key.str());
    if (name == "roots") {
      config.roots = strings_of(node, source, name);
    } else if (name == "settings" || name == "source_url") {
      const std::optional<std::string> value = node.value<std::string>();
      if (!value) fail(source, node.source(), name + " must be a string");
      (name == "settings" ? config.django_settings : config.source_url) = *value;
    } else if (name == "deprecated") {
      config.deprecated.entries = strings_of(node, source, name);
    } else if (name == "families") {
      const toml::table* families = node.as_table();
      if (!families) fail(source, node.source(), "families must be a table");
      for (const auto& [family, prefixes] : *families) {
        FamilyOverride o{.name = std::string(family.str())};
        for (std::string& p : strings_of(prefixes, source, "families." + o.name)) {
          (p.starts_with('/') || p.starts_with('^') ? o.path_prefixes : o.module_prefixes)
              .push_back(std::move(p));
        }
        config.families.push_back(std::move(o));
      }
    } else if (name == "access_log") {
      // A string or an array of strings; relative to the configuration's folder.
      const std::filesystem::path base = std::filesystem::path(source).parent_path();
      std::vector<std::string> logs;
      if (const std::optional<std::string> one = node.value<std::string>())
        logs.push_back(*one);
      else
        logs = strings_of(node, source, name);
      for (std::string& log : logs) {
        if (log != "-" && !log.starts_with('/') && !base.empty()) log = (base / log).string();
        config.traffic.access_logs.push_back(std::move(log));
      }
    } else if (name == "log_format" || name == "mount_prefix") {
      const std::optional<std::string> value = node.value<std::string>();
      if (!value) fail(source, node.source(), name + " must be a string");
      (name == "log_format" ? config.traffic.log_format : config.traffic.mount_prefix) = *value;
    } else if (name == "log_fields") {
      const toml::table* fields = node.as_table();
      if (!fields) fail(source, node.source(), "log_fields must be a table");
      for (const auto& [field, key] : *fields) {
        const std::optional<std::string> value = key.value<std::string>();
        if (!value)
          fail(source, key.source(),
               "log_fields." + std::string(field.str()) + " must be a string");
        config.traffic.log_fields.push_back(std::string(field.str()) + "=" + *value);
      }
    } else if (name == "weights") {
      const toml::table* weights = node.as_table();
      if (!weights) fail(source, node.source(), "weights must be a table");
      config.weights.emplace();
      read_weights(*weights, source, *config.weights);
    } else {
      fail(source, node.source(), "unknown setting " + name);
    }
  }
  if (const std::string problem = traffic_options_problem(config.traffic); !problem.empty())
    throw std::runtime_error(source + ": " + problem);
  return config;
}

CutoverConfig load_cutover_config(const std::filesystem::path& root,
                                  const std::filesystem::path& explicit_file) {
  const auto read = [](const std::filesystem::path& file) {
    std::ifstream in(file, std::ios::binary);
    if (!in) throw std::runtime_error(file.string() + ": cannot read the configuration file");
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
  };
  std::error_code ec;
  if (!explicit_file.empty()) {
    return parse_cutover_config(read(explicit_file), explicit_file.string(),
                                explicit_file.filename() == "pyproject.toml");
  }
  if (std::filesystem::is_regular_file(root / "cutover.toml", ec)) {
    return parse_cutover_config(read(root / "cutover.toml"), (root / "cutover.toml").string(),
                                false);
  }
  if (std::filesystem::is_regular_file(root / "pyproject.toml", ec)) {
    return parse_cutover_config(read(root / "pyproject.toml"), (root / "pyproject.toml").string(),
                                true);
  }
  return {};
}

}  // namespace cutover
