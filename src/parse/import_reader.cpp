#include "parse/import_reader.h"

#include <cctype>
#include <string>

#include "parse/value_reader.h"

namespace cutover {
namespace {

// `except ImportError`, `(ImportError, OSError)`, and the broad classes
// that include it: Exception, BaseException.
bool names_import_error(std::string_view types) {
  auto is_word = [](char c) {
    return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '.';
  };
  for (std::size_t i = 0; i < types.size();) {
    while (i < types.size() && !is_word(types[i]))
      ++i;
    std::size_t end = i;
    while (end < types.size() && is_word(types[end]))
      ++end;
    std::string_view word = types.substr(i, end - i);
    if (const std::size_t dot = word.rfind('.'); dot != std::string_view::npos) {
      word = word.substr(dot + 1);  // builtins.ImportError
    }
    if (word == "ImportError" || word == "ModuleNotFoundError" || word == "Exception" ||
        word == "BaseException") {
      return true;
    }
    i = end;
  }
  return false;
}

}  // namespace

bool catches_import_error(TSNode try_node, std::string_view source, const PythonSymbols& symbols) {
  bool catches = false;
  for_each_child(try_node, [&](TSNode clause) {
    if (ts_node_symbol(clause) != symbols.except_clause) return;
    bool has_type = false;
    for_each_child_with_field(clause, [&](TSNode part, TSFieldId field) {
      if (field != symbols.field_value) return;
      if (!has_type) {  // the first value is the exception type; a second is py2's name
        catches = catches || names_import_error(node_text(part, source));
      }
      has_type = true;
    });
    catches = catches || !has_type;  // a bare `except:` catches ImportError too
  });
  return catches;
}

std::vector<ImportFact> read_import_statement(TSNode node, std::string_view source,
                                              const PythonSymbols& symbols, ImportFact base) {
  std::vector<ImportFact> out;
  if (ts_node_symbol(node) == symbols.future_import_statement) base.module = "__future__";
  std::vector<ImportedName> names;
  for_each_child_with_field(node, [&](TSNode child, TSFieldId field) {
    const TSSymbol kind = ts_node_symbol(child);
    if (field == symbols.field_module_name) {
      if (kind == symbols.relative_import) {
        for_each_child(child, [&](TSNode part) {
          if (ts_node_symbol(part) == symbols.import_prefix) {
            base.level = static_cast<int>(node_text(part, source).size());
          } else if (ts_node_symbol(part) == symbols.dotted_name) {
            base.module = node_text(part, source);
          }
        });
      } else {
        base.module = node_text(child, source);
      }
    } else if (kind == symbols.wildcard_import) {
      base.is_star = true;
    } else if (field == symbols.field_name && kind == symbols.aliased_import) {
      names.push_back({.name = std::string(
                           node_text(ts_node_child_by_field_id(child, symbols.field_name), source)),
                       .alias = std::string(node_text(
                           ts_node_child_by_field_id(child, symbols.field_alias), source))});
    } else if (field == symbols.field_name && kind == symbols.dotted_name) {
      names.push_back({.name = std::string(node_text(child, source)), .alias = {}});
    }
  });
  if (!base.is_from) {
    // `import a, b as c` binds independent modules: one fact each.
    for (ImportedName& name : names) {
      ImportFact fact = base;
      fact.module = name.name;
      fact.names.push_back(std::move(name));
      out.push_back(std::move(fact));
    }
    return out;
  }
  base.names = std::move(names);
  out.push_back(std::move(base));
  return out;
}

std::optional<ImportFact> read_dynamic_import(TSNode call, std::string_view source,
                                              const PythonSymbols& symbols) {
  const std::string_view function =
      node_text(ts_node_child_by_field_id(call, symbols.field_function), source);
  if (function != "__import__" && function != "import_module" &&
      !function.ends_with(".import_module")) {
    return std::nullopt;
  }
  TSNode arguments = ts_node_child_by_field_id(call, symbols.field_arguments);
  if (ts_node_is_null(arguments) || ts_node_named_child_count(arguments) == 0) return std::nullopt;
  TSNode first = ts_node_named_child(arguments, 0);
  if (ts_node_symbol(first) != symbols.string) return std::nullopt;
  bool plain = false;
  std::string module = string_literal(first, source, symbols, &plain);
  if (!plain || module.empty()) return std::nullopt;
  ImportFact fact;
  if (module.starts_with('.')) {
    // import_module('.b', package): relative to the package argument.
    const int level = static_cast<int>(module.find_first_not_of('.'));
    if (level < 0) return std::nullopt;
    module.erase(0, static_cast<std::size_t>(level));
    TSNode package =
        ts_node_named_child_count(arguments) > 1 ? ts_node_named_child(arguments, 1) : TSNode{};
    if (!ts_node_is_null(package) && ts_node_symbol(package) == symbols.keyword_argument)
      package = ts_node_child_by_field_id(package, symbols.field_value);
    if (ts_node_is_null(package)) return std::nullopt;
    if (node_text(package, source) == "__package__") {
      fact.level = level;  // relative to this file's package, as a statement would be
    } else if (ts_node_symbol(package) == symbols.string) {
      std::string base = string_literal(package, source, symbols, &plain);
      for (int up = 1; up < level && !base.empty(); ++up) {
        const std::size_t dot = base.rfind('.');
        base.resize(dot == std::string::npos ? 0 : dot);
      }
      if (!plain || base.empty()) return std::nullopt;
      module = module.empty() ? base : base + "." + module;
    } else {
      return std::nullopt;
    }
  }
  fact.module = module;
  fact.names.push_back({.name = std::move(module), .alias = {}});
  return fact;
}

}  // namespace cutover
