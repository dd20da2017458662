#include "parse/fact_collector.h"

#include <algorithm>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <unordered_set>
#include <utility>
#include <vector>

#include "model/string_map.h"
#include "parse/dialect_syntax.h"
#include "parse/import_reader.h"
#include "parse/value_reader.h"

namespace cutover {
namespace {

// What a node inherits from its ancestors. The two "pending" flags are set by
// a try/if statement for its children and applied by the one child block they
// concern (the try body, the if consequence).
struct WalkContext {
  std::uint32_t scope = 0;               // index into Walker::scopes_; 0 is the module
  std::int32_t owner_class = -1;         // definition index of the class whose body this is
  std::int32_t pending_decorators = -1;  // index into Walker::decorators_
  std::uint32_t decorated_line = 0;
  std::int32_t loop = -1;               // index into FileSummary::loops
  std::int32_t condition = -1;          // branch number (ConditionFact): innermost branch
  std::int32_t pending_condition = -1;  // the branch the next consequence / else body opens
  std::int32_t if_chain = -1;           // in an `if`: the negation of the tests seen so far
  bool in_function = false;
  bool under_if = false;            // in any branch of an `if` statement
  bool function_body_next = false;  // the next body block is a function's
  bool in_function_body = false;    // directly in a function's body block
  bool in_try_import_error = false;
  bool under_type_checking = false;
  bool try_body_catches_import_error = false;
  bool if_condition_is_type_checking = false;
  bool in_decorator = false;  // inside a decorator's expression
};

class Walker {
 public:
  Walker(std::string_view source, const PythonSymbols& symbols, FileSummary& summary)
      : src_(source), s_(symbols), out_(summary) {
    scopes_.emplace_back();
  }

  CollectedSyntaxErrors walk(TSNode root, std::chrono::steady_clock::time_point deadline) {
    const bool has_error = ts_node_has_error(root);
    const bool timed = deadline != std::chrono::steady_clock::time_point::max();
    TSTreeCursor cursor = ts_tree_cursor_new(root);
    std::vector<WalkContext> stack{WalkContext{}};
    for (std::uint32_t visited = 1;; ++visited) {
      if (timed && visited % 4096 == 0 && std::chrono::steady_clock::now() > deadline) {
        errors_.timed_out = true;
        break;
      }
      const TSNode node = ts_tree_cursor_current_node(&cursor);
      if (has_error && (ts_node_is_error(node) || ts_node_is_missing(node))) {
        if (errors_.count++ == 0) errors_.first_line = node_line(node);
      }
      bool descend = true;
      // Every kind the walk takes facts from is a named node; the tokens
      // between them (keywords, punctuation: near half of a tree) need no
      // visit.
      WalkContext child =
          ts_node_is_named(node) ? visit(node, cursor, stack.back(), &descend) : stack.back();
      // Facts are not taken inside imports and strings, but their syntax
      // errors are: the error's line is what a person needs to see.
      descend = descend || (has_error && ts_node_has_error(node));
      if (descend && ts_tree_cursor_goto_first_child(&cursor)) {
        stack.push_back(child);
        continue;
      }
      bool done = false;
      while (!ts_tree_cursor_goto_next_sibling(&cursor)) {
        if (!ts_tree_cursor_goto_parent(&cursor)) {
          done = true;
          break;
        }
        stack.pop_back();
      }
      if (done) break;
    }
    ts_tree_cursor_delete(&cursor);
    return errors_;
  }

 private:
  // The node's field is looked up only for the kinds that need it: finding
  // it climbs the cursor's stack of hidden nodes, deep inside a long list.
  // `ctx` is the parent's context, shared by its children in order.
  WalkContext visit(TSNode node, const TSTreeCursor& cursor, WalkContext& ctx, bool* descend) {
    const auto field = [&] { return ts_tree_cursor_current_field_id(&cursor); };
    WalkContext child = ctx;
    child.pending_decorators = -1;
    child.function_body_next = false;
    child.try_body_catches_import_error = false;
    child.if_condition_is_type_checking = false;
    child.pending_condition = -1;
    child.if_chain = -1;
    const TSSymbol kind = ts_node_symbol(node);

    if (kind == s_.block) {
      const TSFieldId block_field = field();
      if (ctx.pending_condition >= 0 &&
          (block_field == s_.field_consequence || block_field == s_.field_body)) {
        child.condition = ctx.pending_condition;
      }
      child.in_function_body = block_field == s_.field_body && ctx.function_body_next;
      child.function_body_next = false;
      if (block_field == s_.field_body && ctx.try_body_catches_import_error) {
        child.in_try_import_error = true;
      }
      if (block_field == s_.field_consequence && ctx.if_condition_is_type_checking) {
        child.under_type_checking = true;
      }
    } else if (kind == s_.import_statement || kind == s_.future_import_statement) {
      add_import(node, ctx, /*is_from=*/kind == s_.future_import_statement);
      *descend = false;
    } else if (kind == s_.import_from_statement) {
      add_import(node, ctx, /*is_from=*/true);
      *descend = false;
    } else if (kind == s_.decorator) {
      child.in_decorator = true;
    } else if (kind == s_.decorated_definition) {
      std::vector<PythonValue> decorators;
      for_each_child(node, [&](TSNode d) {
        if (ts_node_symbol(d) == s_.decorator && ts_node_named_child_count(d) > 0) {
          decorators.push_back(read_value(ts_node_named_child(d, 0), src_, s_));
        }
      });
      child.pending_decorators = static_cast<std::int32_t>(decorators_.size());
      child.decorated_line = node_line(node);
      decorators_.push_back(std::move(decorators));
    } else if (kind == s_.function_definition || kind == s_.class_definition) {
      child = add_definition(node, field(), ctx, kind == s_.class_definition);
    } else if (kind == s_.expression_statement) {
      if (ts_node_named_child_count(node) == 1) {
        TSNode only = ts_node_named_child(node, 0);
        if (ts_node_symbol(only) == s_.call) {
          out_.calls.push_back(CallFact{.scope = scopes_[ctx.scope],
                                        .call = read_value(only, src_, s_),
                                        .line = node_line(node),
                                        .loop = ctx.loop,
                                        .conditional = ctx.under_if,
                                        .condition = ctx.condition});
        }
      }
    } else if (kind == s_.call) {
      add_dynamic_import(node, ctx);
    } else if (kind == s_.attribute || kind == s_.identifier) {
      *descend = add_name_use(node, field(), ctx, kind == s_.attribute);
    } else if (kind == s_.assignment || kind == s_.augmented_assignment) {
      add_assignment(node, ctx, kind == s_.augmented_assignment);
    } else if (kind == s_.return_statement) {
      if (ctx.in_function && ts_node_named_child_count(node) > 0) {
        out_.returns.push_back(
            ReturnFact{.scope = scopes_[ctx.scope],
                       .value = read_value(ts_node_named_child(node, 0), src_, s_),
                       .line = node_line(node),
                       .conditional = !ctx.in_function_body});
      }
    } else if (kind == s_.for_statement) {
      if (std::optional<LoopFact> loop = literal_loop(node)) {
        child.loop = static_cast<std::int32_t>(out_.loops.size());
        out_.loops.push_back(std::move(*loop));
      }
    } else if (kind == s_.try_statement) {
      child.try_body_catches_import_error = catches_import_error(node, src_, s_);
    } else if (kind == s_.if_statement) {
      child.under_if = true;
      const TSNode test = ts_node_child_by_field_id(node, s_.field_condition);
      const std::string_view condition = node_text(test, src_);
      child.if_condition_is_type_checking =
          condition == "TYPE_CHECKING" || condition.ends_with(".TYPE_CHECKING");
      std::tie(child.pending_condition, child.if_chain) =
          add_conditions(ctx, test, ctx.condition, node);
      // `if test: return`: the rest of this block runs only when the test is
      // false. `ctx` is the block's, shared by the statements after this one.
      if (leaves_block(ts_node_child_by_field_id(node, s_.field_consequence))) {
        ctx.condition = child.if_chain;
      }
    } else if (kind == s_.elif_clause && ctx.if_chain >= 0) {
      // Runs when every earlier test failed and this one holds. `ctx` is the
      // `if` statement's, shared by its clauses: the `else` after this one
      // sees this test failed too.
      const TSNode test = ts_node_child_by_field_id(node, s_.field_condition);
      std::tie(child.pending_condition, ctx.if_chain) =
          add_conditions(ctx, test, ctx.if_chain, node);
    } else if (kind == s_.else_clause && ctx.if_chain >= 0) {
      child.pending_condition = ctx.if_chain;
    } else if (kind == s_.string) {
      note_string_dialect(node, src_, out_);
      *descend = false;
    } else {
      note_dialect_syntax(node, kind, src_, s_, out_);
    }
    return child;
  }

  // Whether a block's last statement leaves it: return, raise, continue, break.
  bool leaves_block(TSNode block) const {
    if (ts_node_is_null(block)) return false;
    const std::uint32_t count = ts_node_named_child_count(block);
    for (std::uint32_t i = count; i-- > 0;) {
      const TSNode last = ts_node_named_child(block, i);
      if (ts_node_is_extra(last)) continue;  // a trailing comment
      const TSSymbol kind = ts_node_symbol(last);
      return kind == s_.return_statement || kind == s_.raise_statement ||
             kind == s_.continue_statement || kind == s_.break_statement;
    }
    return false;
  }

  // A clause's two conditions: its test holds (its body), and it fails (the
  // clauses after it, the statements after an `if t: return`). The test is
  // read once: every `if` of the tree comes here.
  std::pair<std::int32_t, std::int32_t> add_conditions(const WalkContext& ctx, TSNode test,
                                                       std::int32_t parent, TSNode clause) {
    const std::size_t at = out_.conditions.size();
    out_.conditions.push_back(ConditionFact{.scope = scopes_[ctx.scope],
                                            .test = read_value(test, src_, s_),
                                            .parent = parent,
                                            .line = node_line(clause)});
    return {branch_number(at, false), branch_number(at, true)};
  }

  void add_import(TSNode node, const WalkContext& ctx, bool is_from) {
    ImportFact base{.is_from = is_from,
                    .scope = scopes_[ctx.scope],
                    .line = node_line(node),
                    .context = context_of(ctx)};
    for (ImportFact& fact : read_import_statement(node, src_, s_, std::move(base)))
      out_.imports.push_back(std::move(fact));
  }

  void add_dynamic_import(TSNode call, const WalkContext& ctx) {
    std::optional<ImportFact> fact = read_dynamic_import(call, src_, s_);
    if (!fact) return;
    fact->scope = scopes_[ctx.scope];
    fact->line = node_line(call);
    fact->context = context_of(ctx);
    out_.imports.push_back(std::move(*fact));
  }

  WalkContext add_definition(TSNode node, TSFieldId field, const WalkContext& ctx, bool is_class) {
    DefinitionFact def;
    def.kind = is_class ? DefinitionFact::Kind::kClass : DefinitionFact::Kind::kFunction;
    def.name = node_text(ts_node_child_by_field_id(node, s_.field_name), src_);
    def.scope = scopes_[ctx.scope];
    def.qualified_name = def.scope.empty() ? def.name : def.scope + "." + def.name;
    def.line = node_line(node);
    def.first_line = def.line;
    // A body ends where its last statement does; a node ending at column 0
    // ends with the previous line.
    const TSPoint end = ts_node_end_point(node);
    def.last_line = std::max(def.line, end.column == 0 ? end.row : end.row + 1);
    def.condition = ctx.condition;
    if (ctx.pending_decorators >= 0 && field == s_.field_definition) {
      def.decorators = std::move(decorators_[ctx.pending_decorators]);
      def.first_line = ctx.decorated_line;
    }
    if (is_class) {
      TSNode bases = ts_node_child_by_field_id(node, s_.field_superclasses);
      if (!ts_node_is_null(bases)) {
        for_each_child(bases, [&](TSNode base) {
          // `metaclass=Meta` and other keywords are not bases.
          if (ts_node_is_named(base) && !ts_node_is_extra(base) &&
              ts_node_symbol(base) != s_.keyword_argument) {
            def.bases.push_back(read_value(base, src_, s_));
          }
        });
      }
    } else {
      read_parameters(ts_node_child_by_field_id(node, s_.field_parameters), def);
      if (ctx.owner_class >= 0) out_.definitions[ctx.owner_class].methods.push_back(def.name);
    }
    def.doc = docstring_first_line(ts_node_child_by_field_id(node, s_.field_body));

    WalkContext child = ctx;
    child.pending_decorators = -1;
    child.try_body_catches_import_error = false;
    child.if_condition_is_type_checking = false;
    child.scope = static_cast<std::uint32_t>(scopes_.size());
    scopes_.push_back(def.qualified_name);
    child.owner_class = is_class ? static_cast<std::int32_t>(out_.definitions.size()) : -1;
    child.in_function = ctx.in_function || !is_class;
    child.function_body_next = !is_class;
    child.in_function_body = false;
    out_.definitions.push_back(std::move(def));
    return child;
  }

  // A docstring is the body's first statement when it is a plain string
  // literal (Python's rule for __doc__); its first non-blank line is what
  // tools show as a summary.
  std::string docstring_first_line(TSNode body) const {
    if (ts_node_is_null(body)) return "";
    const TSNode first = first_child_where(
        body, [](TSNode child) { return ts_node_is_named(child) && !ts_node_is_extra(child); });
    if (ts_node_is_null(first) || ts_node_symbol(first) != s_.expression_statement) return "";
    if (ts_node_named_child_count(first) != 1) return "";
    TSNode value = ts_node_named_child(first, 0);
    if (ts_node_symbol(value) != s_.string) return "";
    bool plain = true;
    const std::string text = string_literal(value, src_, s_, &plain);
    if (!plain) return "";
    std::size_t at = 0;
    while (at < text.size()) {
      std::size_t end = text.find('\n', at);
      if (end == std::string::npos) end = text.size();
      std::string_view line(text.data() + at, end - at);
      while (!line.empty() && (line.front() == ' ' || line.front() == '\t' || line.front() == '\r'))
        line.remove_prefix(1);
      while (!line.empty() && (line.back() == ' ' || line.back() == '\t' || line.back() == '\r'))
        line.remove_suffix(1);
      if (!line.empty()) return std::string(line);
      at = end + 1;
    }
    return "";
  }

  void add_assignment(TSNode node, const WalkContext& ctx, bool augmented) {
    TSNode left = ts_node_child_by_field_id(node, s_.field_left);
    TSNode right = ts_node_child_by_field_id(node, s_.field_right);
    if (ts_node_is_null(right)) return;
    std::string target = dotted_name(left, src_, s_);
    if (target.empty() && ts_node_symbol(left) == s_.subscript) {
      // `app.url_map.converters['slug'] = SlugConverter` registers a converter;
      // `os.environ['DJANGO_SETTINGS_MODULE'] = ...` names the settings.
      const std::string object =
          dotted_name(ts_node_child_by_field_id(left, s_.field_value), src_, s_);
      TSNode key = ts_node_child_by_field_id(left, s_.field_subscript);
      bool plain = false;
      if ((object.ends_with(".converters") || object == "environ" ||
           object.ends_with(".environ")) &&
          !ts_node_is_null(key) && ts_node_symbol(key) == s_.string) {
        const std::string name = string_literal(key, src_, s_, &plain);
        if (plain) target = object + "[" + name + "]";
      }
    }
    if (target.empty()) return;
    // Function locals are kept too: registration helpers build rules in them
    // (`rule = "/" + base_path + "/<path:path>"`) and factories build apps.
    if (augmented && node_text(ts_node_child_by_field_id(node, s_.field_operator), src_) != "+=") {
      return;
    }
    out_.assignments.push_back(AssignmentFact{.target = std::move(target),
                                              .scope = scopes_[ctx.scope],
                                              .augmented = augmented,
                                              .conditional = ctx.under_if,
                                              .condition = ctx.condition,
                                              .loop = ctx.loop,
                                              .value = read_value(right, src_, s_),
                                              .line = node_line(node)});
  }

  // __import__('a.b') / importlib.import_module('a.b') with a literal name
  // imports a.b as surely as a statement would, at the moment the call runs.
  // `for a, b in [...]` over a literal list or tuple, or over a name or
  // attribute chain (which a caller may bind to a literal list, or settings
  // hold), with plain name targets.
  std::optional<LoopFact> literal_loop(TSNode node) {
    TSNode left = ts_node_child_by_field_id(node, s_.field_left);
    TSNode right = ts_node_child_by_field_id(node, s_.field_right);
    if (ts_node_is_null(left) || ts_node_is_null(right)) return std::nullopt;
    const TSSymbol right_kind = ts_node_symbol(right);
    if (right_kind != s_.list && right_kind != s_.tuple && right_kind != s_.identifier &&
        (right_kind != s_.attribute || dotted_name(right, src_, s_).empty())) {
      return std::nullopt;
    }
    LoopFact loop;
    if (ts_node_symbol(left) == s_.identifier) {
      loop.targets.emplace_back(node_text(left, src_));
    } else {
      bool simple = true;
      for_each_child(left, [&](TSNode part) {
        if (!ts_node_is_named(part)) return;
        if (ts_node_symbol(part) != s_.identifier) simple = false;
        loop.targets.emplace_back(node_text(part, src_));
      });
      if (!simple || loop.targets.empty()) return std::nullopt;
    }
    loop.iterable = read_value(right, src_, s_);
    return loop;
  }

  void read_parameters(TSNode parameters, DefinitionFact& def) {
    if (ts_node_is_null(parameters)) return;
    const std::uint32_t count = ts_node_named_child_count(parameters);
    def.parameters.reserve(count);
    def.parameter_defaults.reserve(count);
    def.parameter_types.reserve(count);
    for_each_child(parameters, [&](TSNode p) {
      if (!ts_node_is_named(p) || ts_node_is_extra(p)) return;
      const TSSymbol kind = ts_node_symbol(p);
      TSNode name = p;
      if (kind == s_.default_parameter || kind == s_.typed_default_parameter) {
        name = ts_node_child_by_field_id(p, s_.field_name);
      } else if (kind == s_.typed_parameter && ts_node_named_child_count(p) > 0) {
        name = ts_node_named_child(p, 0);
      }
      def.parameters.emplace_back(node_text(name, src_));
      const TSNode value = kind == s_.default_parameter || kind == s_.typed_default_parameter
                               ? ts_node_child_by_field_id(p, s_.field_value)
                               : TSNode{};
      def.parameter_defaults.push_back(ts_node_is_null(value) ? PythonValue{}
                                                              : read_value(value, src_, s_));
      const TSNode type = kind == s_.typed_parameter || kind == s_.typed_default_parameter
                              ? ts_node_child_by_field_id(p, s_.field_type)
                              : TSNode{};
      def.parameter_types.emplace_back(ts_node_is_null(type) ? "" : node_text(type, src_));
    });
  }

  // Records the outermost name chain at `node`; says whether to look inside
  // (only when the chain is not a plain dotted name: `f(x).items`).
  bool add_name_use(TSNode node, TSFieldId field, const WalkContext& ctx, bool is_attribute) {
    // The `.name` of a chain and the names a definition or keyword binds are
    // not uses of their own. (A plain chain's inner links are never visited:
    // the outermost link answers for the chain.)
    if (field == s_.field_attribute_name || field == s_.field_name) return false;
    if (is_attribute) note_python2_dict_method(node, src_, s_, out_);
    // A plain identifier is its own name: no string is built for the
    // repeated uses that make up most of a function body.
    std::string built = is_attribute ? dotted_name(node, src_, s_) : std::string();
    std::string_view name = is_attribute ? std::string_view(built) : node_text(node, src_);
    bool descend = false;
    if (name.empty()) {
      descend = true;
      // `super().save()`, `Cart(uid).total()`: a method of what a named
      // callee returns, written `F().m`; the call itself is visited below.
      if (!is_attribute) return true;
      const TSNode object = ts_node_child_by_field_id(node, s_.field_object);
      if (ts_node_is_null(object) || ts_node_symbol(object) != s_.call) return true;
      const std::string callee =
          dotted_name(ts_node_child_by_field_id(object, s_.field_function), src_, s_);
      const TSNode attribute = ts_node_child_by_field_id(node, s_.field_attribute_name);
      if (callee.empty() || ts_node_is_null(attribute)) return true;
      built = callee + "()." + std::string(node_text(attribute, src_));
      name = built;
    }
    const bool called = field == s_.field_function;
    StringMap<std::size_t>& seen = seen_uses_[ctx.scope];
    if (const auto at = seen.find(name); at != seen.end()) {
      NameUse& use = out_.name_uses[at->second];
      use.called = use.called || called;
      use.in_decorator = use.in_decorator && ctx.in_decorator;
      return descend;
    }
    seen.emplace(name, out_.name_uses.size());
    out_.name_uses.push_back(NameUse{.scope = scopes_[ctx.scope],
                                     .name = std::string(name),
                                     .line = node_line(node),
                                     .called = called,
                                     .in_decorator = ctx.in_decorator});
    return descend;
  }

  StatementContext context_of(const WalkContext& ctx) const {
    return StatementContext{.in_function = ctx.in_function,
                            .in_try_import_error = ctx.in_try_import_error,
                            .under_type_checking = ctx.under_type_checking};
  }

  std::string_view src_;
  const PythonSymbols& s_;
  FileSummary& out_;
  std::vector<std::string> scopes_;
  std::vector<std::vector<PythonValue>> decorators_;
  // Per scope (index into scopes_): name → index into FileSummary::name_uses.
  std::unordered_map<std::uint32_t, StringMap<std::size_t>> seen_uses_;
  CollectedSyntaxErrors errors_;
};

}  // namespace

CollectedSyntaxErrors collect_facts(TSNode root, std::string_view source,
                                    const PythonSymbols& symbols, FileSummary& summary,
                                    std::chrono::steady_clock::time_point deadline) {
  return Walker(source, symbols, summary).walk(root, deadline);
}

}  // namespace cutover
