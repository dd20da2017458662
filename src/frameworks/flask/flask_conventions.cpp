#include "frameworks/flask/flask_conventions.h"

#include <algorithm>
#include <cctype>

#include "link/class_hierarchy.h"
#include "util/ascii_case.h"

namespace cutover {

std::map<std::string, std::string_view> find_registration_wrappers(
    const NameResolver& names, std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, std::string_view> wrappers;
  auto forwards = [](const PythonValue& call) -> std::string_view {
    for (std::string_view target : {"add_resource", "add_url_rule"}) {
      if (call.kind == PythonValue::Kind::kCall && call.text == "self." + std::string(target)) {
        return target;
      }
    }
    return {};
  };
  const std::vector<FileSummary>& files = names.files();
  for (std::size_t f = 0; f < files.size(); ++f) {
    const FileSummary& file = files[f];
    for (const DefinitionFact& cls : file.definitions) {
      if (cls.kind != DefinitionFact::Kind::kClass) continue;
      const bool flask_family =
          std::any_of(cls.bases.begin(), cls.bases.end(), [&](const PythonValue& base) {
            return base.kind == PythonValue::Kind::kName &&
                   derives_from(names, f, cls.scope, base.text,
                                {"flask.Flask", "flask.Blueprint", "flask_restful.Api",
                                 "flask_restx.Api", "flask_restx.Namespace"});
          });
      if (!flask_family) continue;
      for (const std::string& method : cls.methods) {
        const std::string scope = cls.qualified_name + "." + method;
        std::string_view target;
        for (const CallFact& c : file.calls) {
          if (c.scope == scope && !forwards(c.call).empty()) target = forwards(c.call);
        }
        for (const ReturnFact& r : file.returns) {
          if (r.scope == scope && !forwards(r.value).empty()) target = forwards(r.value);
        }
        if (target.empty()) continue;
        wrappers[method] = target;
        diagnostics.push_back({file.path, cls.line, Severity::kInfo, "registration-wrapper",
                               "calls of " + cls.name + "." + method + "() are read as " +
                                   std::string(target) +
                                   "() with the same arguments; what the wrapper changes is "
                                   "not applied"});
      }
    }
  }
  return wrappers;
}

std::set<std::string> registered_converters(const std::vector<FileSummary>& files) {
  std::set<std::string> converters;
  for (const FileSummary& file : files) {
    for (const AssignmentFact& a : file.assignments) {
      const std::size_t at = a.target.find("url_map.converters[");
      if (at == std::string::npos || !a.target.ends_with("]")) continue;
      const std::size_t open = a.target.find('[', at);
      converters.insert(a.target.substr(open + 1, a.target.size() - open - 2));
    }
    for (const CallFact& c : file.calls) {
      if (!c.call.text.ends_with("url_map.converters.update") || c.call.items.empty()) continue;
      const PythonValue& dict = c.call.items[0];
      for (std::size_t i = 0; i + 1 < dict.items.size(); i += 2) {
        if (dict.items[i].is_string()) converters.insert(dict.items[i].text);
      }
    }
  }
  return converters;
}

// Two regex passes in Flask-RESTX, (.)([A-Z][a-z]+) then ([a-z0-9])([A-Z]),
// each inserting '_'; the loops make the same non-overlapping matches.
std::string camel_to_dash(const std::string& name) {
  auto upper_at = [](const std::string& s, std::size_t i) {
    return i < s.size() && std::isupper(static_cast<unsigned char>(s[i]));
  };
  auto lower_at = [](const std::string& s, std::size_t i) {
    return i < s.size() && std::islower(static_cast<unsigned char>(s[i]));
  };
  std::string first;
  for (std::size_t i = 0; i < name.size();) {
    if (upper_at(name, i + 1) && lower_at(name, i + 2)) {
      std::size_t end = i + 3;
      while (lower_at(name, end))
        ++end;
      first += name[i];
      first += '_';
      first.append(name, i + 1, end - i - 1);
      i = end;
    } else {
      first += name[i++];
    }
  }
  std::string out;
  for (std::size_t i = 0; i < first.size();) {
    const bool word_end = lower_at(first, i) || std::isdigit(static_cast<unsigned char>(first[i]));
    if (word_end && upper_at(first, i + 1)) {
      out += first[i];
      out += '_';
      out += first[i + 1];
      i += 2;
    } else {
      out += first[i++];
    }
  }
  return ascii_lower(out);
}

}  // namespace cutover
