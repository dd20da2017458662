#include "frameworks/django/django_references.h"

#include <string>
#include <string_view>
#include <utility>
#include <vector>
#include "model/dotted_name.h"
#include "util/parallel_for.h"

namespace cutover {
namespace {

bool is_setting_list(std::string_view target) {
  return target == "INSTALLED_APPS" || target == "MIDDLEWARE" || target == "MIDDLEWARE_CLASSES";
}

// One file's references: files are read on all workers, each on its own.
struct FileReferences {
  std::vector<ImportEdge> edges;
  std::vector<Diagnostic> diagnostics;
};

class ReferenceCollector {
 public:
  ReferenceCollector(const std::vector<FileSummary>& files, const ModuleIndex& index,
                     std::size_t file)
      : files_(files), index_(index), file_(file) {}

  FileReferences collect() && {
    const std::size_t f = file_;
    for (const AssignmentFact& a : files_[f].assignments) {
      if (a.scope.empty() && is_setting_list(a.target)) {
        const std::string via = a.target == "INSTALLED_APPS" ? "INSTALLED_APPS" : "MIDDLEWARE";
        for_each_string(a.value, [&](const PythonValue& s) { add(s.text, s.line, via); });
      } else if (a.scope.empty() && a.target == "ROOT_URLCONF" && a.value.is_string()) {
        add(a.value.text, a.line, "ROOT_URLCONF");
      } else {
        walk_url_calls(a.value);
      }
    }
    for (const CallFact& c : files_[f].calls)
      walk_url_calls(c.call);
    return std::move(out_);
  }

 private:
  // Strings of a list, a tuple or a concatenation of those.
  template <typename Visit>
  void for_each_string(const PythonValue& root, Visit visit) {
    std::vector<const PythonValue*> stack{&root};
    while (!stack.empty()) {
      const PythonValue* v = stack.back();
      stack.pop_back();
      if (v->is_string()) visit(*v);
      if (v->kind == PythonValue::Kind::kList || v->kind == PythonValue::Kind::kTuple ||
          v->kind == PythonValue::Kind::kBinary) {
        for (auto it = v->items.rbegin(); it != v->items.rend(); ++it)
          stack.push_back(&*it);
      }
    }
  }

  // include('x.urls') and string views anywhere in a URLconf expression;
  // patterns('prefix', ...) prefixes the string views inside it.
  void walk_url_calls(const PythonValue& root) {
    // Each value with the `patterns` prefix it is under (the prefix string
    // lives in the facts), nullptr for none.
    stack_.assign(1, {&root, nullptr});
    while (!stack_.empty()) {
      auto [v, prefix] = stack_.back();
      stack_.pop_back();
      if (v->kind == PythonValue::Kind::kCall) {
        const std::string_view callee = last_name(v->text);
        const PythonValue* first = v->positional(0);
        if (callee == "include" && first && first->is_string()) {
          add(first->text, first->line, "include");
        } else if (callee == "patterns" && first && first->is_string()) {
          prefix = first->text.empty() ? nullptr : &first->text;
        } else if (callee == "url" || callee == "path" || callee == "re_path") {
          const PythonValue* view = call_argument(*v, 1, "view");
          if (view && view->is_string() && !view->text.empty()) {
            add(prefix ? *prefix + "." + view->text : view->text, view->line, "view");
          }
        }
      }
      for (auto it = v->items.rbegin(); it != v->items.rend(); ++it)
        stack_.emplace_back(&*it, prefix);
      for (const KeywordArgument& k : v->keywords) {
        for (const PythonValue& kv : k.value)
          stack_.emplace_back(&kv, prefix);
      }
    }
  }

  void add(const std::string& dotted, std::uint32_t line, const std::string& via) {
    const FileSummary& file = files_[file_];
    // A URLconf is a module; a view or middleware is an attribute of one; an
    // app is a module, or an AppConfig class ('contacts.apps.ContactsConfig').
    const std::string parent(parent_name(dotted));
    std::vector<std::string> candidates;
    if (via != "view" && via != "MIDDLEWARE") candidates.push_back(dotted);
    if (via != "include" && via != "ROOT_URLCONF" && !parent.empty()) candidates.push_back(parent);
    for (const std::string& module : candidates) {
      if (auto target = index_.find_from(module, file.source_root)) {
        out_.edges.push_back(ImportEdge{.from = index_.id_of(file_),
                                        .to = index_.id_of(*target),
                                        .file = file.path,
                                        .line = line,
                                        .kind = ImportKind::kInternal,
                                        .via = via});
        return;
      }
    }
    if (index_.has_top_level(top_level_name(dotted))) {
      out_.diagnostics.push_back(
          {file.path, line, Severity::kWarning, "unresolved-reference",
           via + " names " + dotted + ", which is not a module of the tree"});
    }
  }

  const std::vector<FileSummary>& files_;
  const ModuleIndex& index_;
  std::size_t file_;
  std::vector<std::pair<const PythonValue*, const std::string*>> stack_;
  FileReferences out_;
};

}  // namespace

std::vector<ImportEdge> django_string_references(const std::vector<FileSummary>& files,
                                                 const ModuleIndex& index,
                                                 std::vector<Diagnostic>& diagnostics,
                                                 unsigned jobs) {
  std::vector<FileReferences> found(files.size());
  parallel_for_each_index(files.size(), jobs, [&](std::size_t f) {
    found[f] = ReferenceCollector(files, index, f).collect();
  });
  std::vector<ImportEdge> edges;
  for (FileReferences& in_file : found) {
    for (ImportEdge& e : in_file.edges)
      edges.push_back(std::move(e));
    for (Diagnostic& d : in_file.diagnostics)
      diagnostics.push_back(std::move(d));
  }
  return edges;
}

}  // namespace cutover
