#pragma once
// Everything the link pass needs from one source file, extracted in a single
// walk of its syntax tree. Plain data: no syntax-tree pointers survive the
// per-file pass, so trees are freed as soon as a summary exists.

#include <cstdint>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/python_value.h"

namespace cutover {

// Where a statement sits, as far as import semantics care.
struct StatementContext {
  bool in_function = false;          // executed lazily, when the function runs
  bool in_try_import_error = false;  // inside `try:` whose handlers catch ImportError
  bool under_type_checking = false;  // inside `if TYPE_CHECKING:`
};

struct ImportedName {
  std::string name;   // dotted for `import a.b`; a single identifier for `from x import name`
  std::string alias;  // empty when there is no `as`
};

// One import statement; `import a, b` yields one fact per name.
struct ImportFact {
  bool is_from = false;  // `from M import ...`
  bool is_star = false;  // `from M import *`
  int level = 0;         // leading dots of a relative import
  std::string module;    // dotted module as written, without the dots ("" for `from . import x`)
  std::vector<ImportedName> names;  // `import a.b as c` → {a.b, c}; `from m import x, y as z`
  std::string scope;  // qualified name of the enclosing definition, "" at module level
  std::uint32_t line = 0;
  StatementContext context;
};

// A function or class definition with its decorators.
struct DefinitionFact {
  enum class Kind : std::uint8_t { kFunction, kClass };
  Kind kind = Kind::kFunction;
  std::string name;            // identifier
  std::string qualified_name;  // "create_app.index", "UserView.get"
  std::string scope;           // qualified name of the enclosing definition, "" at module level
  std::vector<PythonValue> decorators;       // outermost first, as written
  std::vector<std::string> parameters;       // functions only: names in order; "*args", "**kw" kept
  std::vector<std::string> parameter_types;  // annotations as written, "" when none; parallel
  // Default values, parallel to parameters; kOther with empty text when a
  // parameter has none.
  std::vector<PythonValue> parameter_defaults;
  std::vector<PythonValue> bases;    // classes only
  std::vector<std::string> methods;  // classes only: names of functions defined in the body
  std::uint32_t line = 0;            // line of the `def`/`class` keyword
  std::uint32_t first_line = 0;      // line of the first decorator, or `line`
  std::uint32_t last_line = 0;       // last line of its body
  std::int32_t condition = -1;       // branch number (ConditionFact) of the innermost branch
  std::string
      doc;  // the docstring's first non-blank line, stripped; "" when none (OpenAPI summary)
};

// The test of an `if` or `elif` and the two branches it opens. The
// statements of a branch run when the enclosing branch, `parent`, runs and
// `test` holds (the clause's body) or fails (the clauses after it, and the
// statements after `if test: return`, or raise, continue, break, in the same
// block). A branch is numbered from its test's index in
// FileSummary::conditions (branch_number): every `condition` and `parent`
// field holds such a number, -1 for none. One fact serves both branches, so
// a tree's every `if` stores its test once.
struct ConditionFact {
  std::string scope;  // qualified name of the enclosing definition, "" at module level
  PythonValue test;
  std::int32_t parent = -1;  // branch number; -1: none
  std::uint32_t line = 0;    // of the `if` / `elif`
};

// The branch where the test of FileSummary::conditions[test] holds, or fails.
constexpr std::int32_t branch_number(std::size_t test, bool fails) {
  return static_cast<std::int32_t>(2 * test + (fails ? 1 : 0));
}
// The index of a branch's test in FileSummary::conditions, and whether the
// branch runs when it fails.
constexpr std::size_t branch_test(std::int32_t branch) {
  return static_cast<std::size_t>(branch) / 2;
}
constexpr bool branch_fails(std::int32_t branch) {
  return branch % 2 == 1;
}

// `target = value`, kept at module and class level, and inside functions when the
// value is a call (e.g. `app = Flask(__name__)` inside a factory).
struct AssignmentFact {
  std::string target;  // dotted name; tuple targets are not kept
  std::string scope;
  bool augmented = false;       // `+=`
  bool conditional = false;     // under an `if` (e.g. `if settings.DEBUG:`)
  std::int32_t condition = -1;  // branch number (ConditionFact) of the innermost branch
  std::int32_t loop = -1;       // index into FileSummary::loops of the innermost literal loop
  PythonValue value;
  std::uint32_t line = 0;
};

// `for a, b in [(...), ...]:` over a literal list or tuple, or over a name or
// attribute chain (`settings.PLUGINS`): calls and assignments in its body can
// be expanded once per element (routes registered in a loop), directly or
// once the name is bound by a caller or read from the settings.
struct LoopFact {
  std::vector<std::string> targets;  // `rule, view` → {"rule", "view"}
  PythonValue iterable;              // kList, kTuple or kName
};

// A call made as a statement of its own: `app.register_blueprint(bp)`.
struct CallFact {
  std::string scope;
  PythonValue call;  // kind kCall
  std::uint32_t line = 0;
  std::int32_t loop = -1;       // index into FileSummary::loops of the innermost literal loop
  bool conditional = false;     // under an `if`
  std::int32_t condition = -1;  // branch number (ConditionFact) of the innermost branch
};

// `return value` inside a function: lets the link pass evaluate small helpers
// such as `def org_scoped_rule(rule): return PREFIX + rule` where rules use them.
struct ReturnFact {
  std::string scope;  // qualified name of the function
  PythonValue value;
  std::uint32_t line = 0;
  bool conditional = false;  // not directly in the function body (under if/for/try/with)
};

// A name or attribute chain the code reads or calls: `request.form.get`,
// `session`, `Order.query.filter_by`, `db.session.add`. One per (scope,
// name), at its first line: what a handler touches, not how often.
// A method of a call's result is `F().m` (`super().save`, `Cart(uid).total`).
struct NameUse {
  std::string scope;  // qualified name of the enclosing definition, "" at module level
  std::string name;   // dotted chain as written
  std::uint32_t line = 0;
  bool called = false;        // called at least once: `name(...)`
  bool in_decorator = false;  // every use is inside a decorator (`@login_required`)
};

// A construct that only Python 2 accepts.
struct Python2Finding {
  std::string construct;  // "print statement", "except E, e", ...
  std::uint32_t line = 0;
};

enum class FileStatus : std::uint8_t {
  kParsed,            // parsed cleanly
  kParsedWithErrors,  // syntax errors; facts outside the broken region are kept
  kSkippedBinary,
  kSkippedTooLarge,
  kUnreadable,
  kSkippedTimeout,  // parsing took longer than the per-file limit
};

std::string_view file_status_name(FileStatus status);

struct FileSummary {
  std::string path;         // relative to the scan root, '/'-separated
  std::string module;       // dotted module name
  std::string source_root;  // folder the module name starts from ("" for the scan root)
  bool is_package = false;  // an __init__.py
  FileStatus status = FileStatus::kParsed;
  std::uint32_t lines = 0;
  std::vector<ImportFact> imports;
  std::vector<DefinitionFact> definitions;
  std::vector<AssignmentFact> assignments;
  std::vector<CallFact> calls;
  std::vector<LoopFact> loops;
  std::vector<ConditionFact> conditions;
  std::vector<ReturnFact> returns;
  std::vector<NameUse> name_uses;
  std::vector<Python2Finding> python2;
  // Syntax Python 2 cannot run (f-strings, annotations, await, nonlocal,
  // `:=`, keyword-only parameters, match): the file is Python 3, so `import x`
  // never means a sibling module.
  bool python3_only = false;
  std::vector<Diagnostic> diagnostics;
};

}  // namespace cutover
